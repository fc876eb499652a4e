/**
 * What may happen to an order built during a sales call, and by whom, as pure functions: the
 * service (lib/mall/orders.ts) loads the order, applies one operation here and stores the result
 * with the trail entries it returns.
 *
 * - The agent adds, removes and changes quantities; the shopper may only take things out.
 * - Age-restricted goods need a registered shopper (their birth date is known), the shopper's camera
 *   asked for and on, and the agent's "verified"; under 18 by the registered birth date can never be
 *   verified. A refusal takes the restricted goods out and keeps them out.
 * - The shopper signs with their full name for the order version they saw: a change that landed
 *   after they looked (the agent adding an item just before the signature) makes it stale, and any
 *   later change to the goods voids the signature.
 * - The agent's confirmation places the order; after that nothing changes.
 */
export const MAX_QUANTITY = 99;
export const ADULT_AGE = 18;

export type Actor = "agent" | "shopper";
export type AgeCheck = "none" | "requested" | "verified" | "refused";
export type Item = { productId: string; name: string; priceCents: number; quantity: number; ageRestricted: boolean };
export type OrderState = {
  status: "open" | "placed" | "abandoned";
  ageCheck: AgeCheck;
  items: Item[];
  signedName: string | null;
  email: string | null;
  agentConfirmed: boolean;
  /** Bumped by every stored change: what a signature is bound to. */
  version: number;
  /** Registered shoppers have a birth date; guests do not. */
  shopper: { member: boolean; age: number | null; email: string | null; cameraOn: boolean };
};

export type OrderOp =
  | { type: "add"; product: Omit<Item, "quantity">; quantity: number }
  | { type: "set-quantity"; productId: string; quantity: number }
  | { type: "remove"; productId: string }
  | { type: "request-age" }
  | { type: "verify-age" }
  | { type: "refuse-age"; reason: string }
  /** `version`: the order version the shopper reviewed (OrderView.version on their screen). */
  | { type: "sign"; name: string; email?: string; version: number }
  | { type: "confirm" };

export type TrailEntry = { type: string; detail: string };
export type Refusal = { ok: false; code: "FORBIDDEN" | "CONFLICT" | "BAD_REQUEST"; message: string; reason?: "order-changed" };
export type Applied = { ok: true; order: OrderState; trail: TrailEntry[] };

const no = (code: Refusal["code"], message: string): Refusal => ({ ok: false, code, message });

export function ageOn(birthDate: Date, now: Date): number {
  let age = now.getUTCFullYear() - birthDate.getUTCFullYear();
  const m = now.getUTCMonth() - birthDate.getUTCMonth();
  if (m < 0 || (m === 0 && now.getUTCDate() < birthDate.getUTCDate())) age--;
  return age;
}

export const totalCents = (items: Item[]) => items.reduce((sum, i) => sum + i.priceCents * i.quantity, 0);
export const hasRestricted = (o: OrderState) => o.items.some((i) => i.ageRestricted);
/** Whether the shopper may sign now: something to buy, and any restricted goods verified. */
export const readyToSign = (o: OrderState) => o.status === "open" && o.items.length > 0 && (!hasRestricted(o) || o.ageCheck === "verified");

export const ORDER_CHANGED = "Your order changed after you reviewed it: check the cart again, then sign.";

const UNDER_AGE = "The shopper's registered birth date says they are under 18: age-restricted goods cannot be sold to them.";

/** "  jane   van der  berg " → "jane van der berg"; a full name has at least two words with letters. */
export function normalizeSignature(name: string): string | null {
  const clean = name.normalize("NFC").replace(/\s+/g, " ").trim();
  if (clean.length < 3 || clean.length > 100) return null;
  const words = clean.split(" ").filter((w) => /\p{L}/u.test(w));
  return words.length >= 2 ? clean : null;
}

/** Changing the goods after the shopper signed voids the signature: they must see and sign what they buy. */
function withItems(o: OrderState, items: Item[], trail: TrailEntry[]): Applied {
  if (o.signedName) trail.push({ type: "signature-voided", detail: "The order changed after it was signed." });
  return { ok: true, order: { ...o, items, signedName: null }, trail };
}

function describe(i: { name: string; quantity: number }) {
  return `${i.quantity} × ${i.name}`;
}

export function applyOp(o: OrderState, actor: Actor, op: OrderOp): Applied | Refusal {
  if (o.status === "placed") return no("CONFLICT", "This order has been placed: it can no longer change.");
  if (o.status !== "open") return no("CONFLICT", "This order was closed without a sale.");
  switch (op.type) {
    case "add": {
      if (actor !== "agent") return no("FORBIDDEN", "Only the sales agent adds goods to the order.");
      if (!Number.isInteger(op.quantity) || op.quantity < 1 || op.quantity > MAX_QUANTITY)
        return no("BAD_REQUEST", `Choose a quantity from 1 to ${MAX_QUANTITY}.`);
      if (op.product.ageRestricted) {
        if (!o.shopper.member)
          return no("FORBIDDEN", "Age-restricted goods need a registered member: the shopper has to sign in (or register) first.");
        if (o.shopper.age !== null && o.shopper.age < ADULT_AGE) return no("FORBIDDEN", UNDER_AGE);
        if (o.ageCheck === "refused")
          return no("FORBIDDEN", "The age check was refused in this call: age-restricted goods cannot be added.");
      }
      const existing = o.items.find((i) => i.productId === op.product.productId);
      const quantity = Math.min(MAX_QUANTITY, (existing?.quantity ?? 0) + op.quantity);
      const items = existing ? o.items.map((i) => (i === existing ? { ...i, quantity } : i)) : [...o.items, { ...op.product, quantity }];
      return withItems(o, items, [{ type: "item-added", detail: describe({ name: op.product.name, quantity: op.quantity }) }]);
    }
    case "set-quantity":
    case "remove": {
      const item = o.items.find((i) => i.productId === op.productId);
      if (!item) return no("CONFLICT", "That item is no longer in the order.");
      const quantity = op.type === "remove" ? 0 : op.quantity;
      if (!Number.isInteger(quantity) || quantity < 0 || quantity > MAX_QUANTITY)
        return no("BAD_REQUEST", `Choose a quantity from 0 to ${MAX_QUANTITY}.`);
      if (actor === "shopper" && quantity > item.quantity)
        return no("FORBIDDEN", "Ask the sales agent to add more; you can take items out yourself.");
      if (quantity === item.quantity) return { ok: true, order: o, trail: [] };
      const items = quantity === 0 ? o.items.filter((i) => i !== item) : o.items.map((i) => (i === item ? { ...i, quantity } : i));
      const detail = quantity === 0 ? `${item.name} removed` : `${item.name}: ${item.quantity} → ${quantity}`;
      return withItems(o, items, [{ type: quantity === 0 ? "item-removed" : "quantity-changed", detail }]);
    }
    case "request-age": {
      if (actor !== "agent") return no("FORBIDDEN", "Only the sales agent checks age.");
      if (!hasRestricted(o)) return no("CONFLICT", "Nothing in the order needs an age check.");
      if (o.ageCheck === "verified") return no("CONFLICT", "The shopper's age is already verified.");
      if (o.ageCheck === "refused") return no("CONFLICT", "The age check was already refused in this call.");
      return {
        ok: true,
        order: { ...o, ageCheck: "requested" },
        trail: [{ type: "age-camera-requested", detail: "Asked the shopper to turn on their camera and show ID." }],
      };
    }
    case "verify-age": {
      if (actor !== "agent") return no("FORBIDDEN", "Only the sales agent checks age.");
      if (o.ageCheck !== "requested") return no("CONFLICT", "Ask the shopper to turn on their camera first.");
      if (!o.shopper.member || o.shopper.age === null) return no("FORBIDDEN", "Only a registered member's age can be verified.");
      if (o.shopper.age < ADULT_AGE) return no("FORBIDDEN", UNDER_AGE);
      if (!o.shopper.cameraOn) return no("CONFLICT", "The shopper's camera is off: you must see them to verify their age.");
      return {
        ok: true,
        order: { ...o, ageCheck: "verified" },
        trail: [{ type: "age-verified", detail: `Seen on camera; registered age ${o.shopper.age}.` }],
      };
    }
    case "refuse-age": {
      if (actor !== "agent") return no("FORBIDDEN", "Only the sales agent checks age.");
      if (!hasRestricted(o) && o.ageCheck !== "requested") return no("CONFLICT", "Nothing in the order needs an age check.");
      const removed = o.items.filter((i) => i.ageRestricted);
      const reason = op.reason.trim().slice(0, 200) || "Age could not be verified.";
      const trail: TrailEntry[] = [{ type: "age-refused", detail: reason }];
      for (const i of removed) trail.push({ type: "item-removed", detail: `${i.name} removed (age check refused)` });
      const applied = withItems(
        o,
        o.items.filter((i) => !i.ageRestricted),
        trail,
      );
      return { ...applied, order: { ...applied.order, ageCheck: "refused" } };
    }
    case "sign": {
      if (actor !== "shopper") return no("FORBIDDEN", "Only the shopper signs the order.");
      // First: whatever else is wrong, the shopper has to look at the order as it is now.
      if (op.version !== o.version) return { ...no("CONFLICT", ORDER_CHANGED), reason: "order-changed" };
      if (!o.items.length) return no("CONFLICT", "The order is empty: there is nothing to sign.");
      if (hasRestricted(o) && o.ageCheck !== "verified")
        return no("CONFLICT", "The sales agent has to verify your age before you can sign.");
      const name = normalizeSignature(op.name);
      if (!name) return no("BAD_REQUEST", "Sign with your full name: first and last name.");
      const email = o.shopper.email ?? op.email?.trim() ?? null;
      if (!email || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email))
        return no("BAD_REQUEST", "Give an email address for the order confirmation.");
      return {
        ok: true,
        order: { ...o, signedName: name, email },
        trail: [
          {
            type: "signed",
            detail: `Signed "${name}" for version ${o.version}: ${o.items.length} item line(s), total ${totalCents(o.items)} cents.`,
          },
        ],
      };
    }
    case "confirm": {
      if (actor !== "agent") return no("FORBIDDEN", "Only the sales agent confirms the order.");
      if (!o.signedName) return no("CONFLICT", "The shopper has not signed the order yet.");
      if (hasRestricted(o) && o.ageCheck !== "verified") return no("CONFLICT", "Age-restricted goods need a verified age.");
      return {
        ok: true,
        order: { ...o, agentConfirmed: true, status: "placed" },
        trail: [{ type: "placed", detail: "Confirmed by the sales agent; payment due." }],
      };
    }
  }
}
