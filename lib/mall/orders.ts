import { randomBytes } from "node:crypto";
import type { BusPublisher } from "../bus";
import type { Db } from "../db/client";
import { DomainError } from "../errors";
import type { Mailer } from "../mailbox/notify";
import { formatPrice } from "./catalogue";
import { ageOn, applyOp, type AgeCheck, type Item, type OrderOp, type OrderState, readyToSign, totalCents } from "./order-rules";
import { getOrderForParty, ownedByShopper, type ShopperRef } from "./ownership";
import type { Tx } from "./routing-store";

export type OrderView = {
  id: string;
  reference: string;
  status: "open" | "placed" | "abandoned";
  items: (Item & { pictureUrl: string | null })[];
  totalCents: number;
  currency: string;
  ageCheck: AgeCheck;
  needsAgeCheck: boolean;
  readyToSign: boolean;
  signedName: string | null;
  signedAt: string | null;
  placedAt: string | null;
  payment: string;
  /** Why the age check was refused, as the agent recorded it (the shopper is told). */
  refusal: string | null;
  version: number;
};

/** What an order query includes for its view: the items, and the refusal's reason if any. */
export const ORDER_VIEW_INCLUDE = {
  items: true,
  events: { where: { type: "age-refused" }, select: { detail: true }, orderBy: { at: "desc" as const }, take: 1 },
};

type OrderRow = {
  id: string;
  reference: string;
  status: string;
  ageCheck: string;
  signedName: string | null;
  signedAt: Date | null;
  placedAt: Date | null;
  totalCents: number;
  currency: string;
  payment: string;
  version: number;
  items: { productId: string; name: string; priceCents: number; quantity: number; ageRestricted: boolean }[];
  events?: { detail: string }[];
};

export function orderView(merchantSlug: string, o: OrderRow, productSlugs?: Map<string, string>): OrderView {
  const items = o.items.map((i) => ({
    productId: i.productId,
    name: i.name,
    priceCents: i.priceCents,
    quantity: i.quantity,
    ageRestricted: i.ageRestricted,
    pictureUrl: productSlugs?.get(i.productId) ? `/api/mall/pictures/${merchantSlug}/${productSlugs.get(i.productId)}` : null,
  }));
  const needsAgeCheck = items.some((i) => i.ageRestricted) && o.ageCheck !== "verified";
  return {
    id: o.id,
    reference: o.reference,
    status: o.status as OrderView["status"],
    items,
    totalCents: o.totalCents,
    currency: o.currency,
    ageCheck: o.ageCheck as AgeCheck,
    needsAgeCheck,
    readyToSign: o.status === "open" && items.length > 0 && !needsAgeCheck,
    signedName: o.signedName,
    signedAt: o.signedAt?.toISOString() ?? null,
    placedAt: o.placedAt?.toISOString() ?? null,
    payment: o.payment,
    refusal: o.ageCheck === "refused" ? (o.events?.[0]?.detail ?? null) : null,
    version: o.version,
  };
}

/** "NW-7K3QX9": the shop's initials and six characters nobody misreads. */
export function newReference(merchantName: string): string {
  const initials =
    merchantName
      .split(/\s+/)
      .map((w) => w[0] ?? "")
      .join("")
      .replace(/[^A-Za-z]/g, "")
      .toUpperCase()
      .slice(0, 3) || "OR";
  const alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
  const bytes = randomBytes(6);
  return `${initials}-${[...bytes].map((b) => alphabet[b % alphabet.length]).join("")}`;
}

/** The order opens with the call, empty. */
export async function openOrder(
  tx: Tx,
  call: { id: string; merchantId: string; agentId: string; shopperMemberId: string | null; shopperGuestId: string | null },
  merchantName: string,
) {
  const existing = await tx.order.findUnique({ where: { callId: call.id } });
  if (existing) return existing;
  const order = await tx.order.create({
    data: {
      reference: newReference(merchantName),
      callId: call.id,
      merchantId: call.merchantId,
      agentId: call.agentId,
      shopperMemberId: call.shopperMemberId,
      shopperGuestId: call.shopperGuestId,
    },
  });
  await tx.orderEvent.create({
    data: { orderId: order.id, actor: "agent", actorId: call.agentId, type: "opened", detail: "Call answered" },
  });
  return order;
}

export type Party = { kind: "agent"; memberId: string } | { kind: "shopper"; memberId: string | null; guestId: string | null };

export type OrderDeps = { db: Db; bus: BusPublisher; mailer: Mailer; publicUrl?: string; now?: () => Date };

/** The order of a call, for one of its two parties or the merchant's staff; anyone else learns nothing. */
export async function orderForParty(db: Db, orderId: string, who: ShopperRef) {
  const { order: o, staff } = await getOrderForParty(db, { orderId, who });
  const products = await db.product.findMany({ where: { id: { in: o.items.map((i) => i.productId) } }, select: { id: true, slug: true } });
  return {
    order: orderView(
      o.merchant.slug,
      { ...o, events: o.events.filter((e) => e.type === "age-refused").reverse() },
      new Map(products.map((p) => [p.id, p.slug])),
    ),
    merchant: { slug: o.merchant.slug, name: o.merchant.name },
    // The trail (who verified what) is the merchant's record; the shopper sees their own order.
    trail: staff ? o.events.map((e) => ({ at: e.at.toISOString(), actor: e.actor, type: e.type, detail: e.detail })) : null,
  };
}

/**
 * One change to a call's order by one of its parties. The write lands only on the version it was
 * computed from, so the agent and the shopper editing at once never lose each other's change.
 */
export async function changeOrder(deps: OrderDeps, input: { callId: string; party: Party; op: OrderOp }): Promise<OrderView> {
  const { db } = deps;
  for (let attempt = 0; attempt < 4; attempt++) {
    const now = deps.now?.() ?? new Date();
    const p = input.party;
    // The party is in the `where` clause: another agent's or another shopper's call is never read.
    const call = await db.mallCall.findFirst({
      where: { id: input.callId, ...(p.kind === "agent" ? { agentId: p.memberId } : ownedByShopper(p)) },
      include: { merchant: { select: { slug: true, name: true } }, order: { include: { items: true } } },
    });
    if (!call) throw new DomainError("NOT_FOUND", "No such call.");
    const isAgent = p.kind === "agent";
    const order = call.order;
    if (!order) throw new DomainError("CONFLICT", "The order opens when an agent answers.");
    if (call.status !== "connected" && order.status === "open")
      throw new DomainError("CONFLICT", "The call has ended: the order can no longer change.");
    const member = call.shopperMemberId
      ? await db.member.findUnique({ where: { id: call.shopperMemberId }, select: { birthDate: true, email: true } })
      : null;
    const state: OrderState = {
      status: order.status as OrderState["status"],
      ageCheck: order.ageCheck as AgeCheck,
      items: order.items,
      signedName: order.signedName,
      email: order.email,
      agentConfirmed: !!order.agentConfirmedAt,
      version: order.version,
      shopper: {
        member: !!member,
        age: member ? ageOn(member.birthDate, now) : null,
        email: member?.email ?? null,
        cameraOn: call.shopperCameraOn,
      },
    };
    let op = input.op;
    if (op.type === "add") {
      const product = await db.product.findFirst({ where: { id: op.product.productId, merchantId: call.merchantId } });
      if (!product) throw new DomainError("NOT_FOUND", "That product is not sold here.");
      op = {
        ...op,
        product: { productId: product.id, name: product.name, priceCents: product.priceCents, ageRestricted: product.ageRestricted },
      };
    }
    const result = applyOp(state, isAgent ? "agent" : "shopper", op);
    // A stale signature says which version is current, so the page can ask for a fresh review.
    if (!result.ok)
      throw new DomainError(result.code, result.message, result.reason ? { reason: result.reason, version: order.version } : undefined);
    const next = result.order;
    const won = await db.$transaction(async (tx) => {
      const bumped = await tx.order.updateMany({
        where: { id: order.id, version: order.version },
        data: {
          version: order.version + 1,
          status: next.status,
          ageCheck: next.ageCheck,
          signedName: next.signedName,
          email: next.email,
          signedAt: next.signedName ? (order.signedName === next.signedName ? order.signedAt : now) : null,
          agentConfirmedAt: next.agentConfirmed ? (order.agentConfirmedAt ?? now) : null,
          placedAt: next.status === "placed" ? now : null,
          totalCents: totalCents(next.items),
        },
      });
      if (bumped.count === 0) return false;
      await tx.orderItem.deleteMany({ where: { orderId: order.id } });
      if (next.items.length) await tx.orderItem.createMany({ data: next.items.map((i) => ({ orderId: order.id, ...i })) });
      for (const t of result.trail) {
        await tx.orderEvent.create({
          data: {
            orderId: order.id,
            at: now,
            actor: isAgent ? "agent" : "shopper",
            actorId: isAgent ? p.memberId : (call.shopperMemberId ?? call.shopperGuestId),
            type: t.type,
            detail: t.detail,
          },
        });
      }
      return true;
    });
    if (!won) continue;
    const view = await publishOrder(deps, call.id);
    if (next.status === "placed" && order.status !== "placed") await sendConfirmation(deps, order.id).catch(() => undefined);
    return view;
  }
  throw new DomainError("CONFLICT", "The order changed while you edited it; try again.");
}

/** Both parties' screens follow the order. */
export async function publishOrder(deps: { db: Db; bus: BusPublisher }, callId: string): Promise<OrderView> {
  const o = await deps.db.order.findUnique({
    where: { callId },
    include: {
      ...ORDER_VIEW_INCLUDE,
      merchant: { select: { slug: true } },
      call: { select: { agentId: true, shopperMemberId: true, shopperGuestId: true } },
    },
  });
  if (!o) throw new DomainError("NOT_FOUND", "No such order.");
  const products = await deps.db.product.findMany({
    where: { id: { in: o.items.map((i) => i.productId) } },
    select: { id: true, slug: true },
  });
  const view = orderView(o.merchant.slug, o, new Map(products.map((p) => [p.id, p.slug])));
  const shopper = o.call.shopperMemberId ?? `guest:${o.call.shopperGuestId}`;
  await Promise.all([
    deps.bus.toMember(shopper, "mall-order", { callId, order: view }),
    o.call.agentId ? deps.bus.toMember(o.call.agentId, "mall-order", { callId, order: view }) : null,
  ]);
  return view;
}

async function sendConfirmation(deps: OrderDeps, orderId: string) {
  const o = await deps.db.order.findUnique({ where: { id: orderId }, include: { items: true, merchant: { select: { name: true } } } });
  if (!o?.email) return;
  // An address a member registered without proving it may be someone else's: it gets no confirmation.
  const unverified = await deps.db.member.count({ where: { emailKey: o.email.trim().toLowerCase(), emailVerifiedAt: null } });
  if (unverified) return;
  const lines = o.items.map((i) => `  ${i.quantity} × ${i.name} — ${formatPrice(i.priceCents * i.quantity, o.currency)}`).join("\n");
  await deps.mailer.send({
    to: o.email,
    subject: `Your order ${o.reference} at ${o.merchant.name}`,
    text: `Hello ${o.signedName},\n\nThank you for your order at ${o.merchant.name}.\n\n${lines}\n\nTotal: ${formatPrice(o.totalCents, o.currency)} — payment due.\n\nSee it any time: ${deps.publicUrl ?? ""}/mall/orders/${o.id}\n`,
  });
}

/**
 * An open order whose call ended without a sale is closed, with the reason in its trail. Like every
 * other order write it lands only on the version it read: on PostgreSQL a confirmation can commit
 * between the read and the write, and a placed order must not be turned into an abandoned one.
 */
export async function abandonOpenOrder(tx: Tx, callId: string, now: Date) {
  // Each retry follows a change that committed meanwhile; only people editing at that moment cause one.
  for (let attempt = 0; attempt < 8; attempt++) {
    const o = await tx.order.findUnique({ where: { callId }, select: { id: true, status: true, version: true } });
    if (!o || o.status !== "open") return;
    const closed = await tx.order.updateMany({
      where: { id: o.id, version: o.version, status: "open" },
      data: { status: "abandoned", version: o.version + 1 },
    });
    if (closed.count === 0) continue;
    await tx.orderEvent.create({
      data: { orderId: o.id, at: now, actor: "system", type: "abandoned", detail: "The call ended before the order was placed." },
    });
    return;
  }
  throw new DomainError("CONFLICT", "The order kept changing while the call ended; try again.");
}

export { readyToSign };
