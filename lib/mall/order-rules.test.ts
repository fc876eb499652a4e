import { describe, expect, it } from "vitest";
import { ageOn, applyOp, normalizeSignature, type OrderOp, type OrderState, readyToSign, totalCents } from "./order-rules";

const wine = { productId: "wine", name: "Rioja", priceCents: 1800, ageRestricted: true };
const mug = { productId: "mug", name: "Mug", priceCents: 900, ageRestricted: false };

function order(shopper: Partial<OrderState["shopper"]> = {}): OrderState {
  return {
    status: "open",
    ageCheck: "none",
    items: [],
    signedName: null,
    email: null,
    agentConfirmed: false,
    version: 0,
    shopper: { member: true, age: 30, email: "ann@example.org", cameraOn: true, ...shopper },
  };
}

/** Signs whatever version the order is at when the step runs (the shopper reviewed it just now). */
const SEEN = -1;
const sign = (name: string, email?: string): OrderOp => ({ type: "sign", name, ...(email ? { email } : {}), version: SEEN });

/** Applies the steps as the service does: each stored change bumps the version. */
function run(o: OrderState, ...steps: ["agent" | "shopper", OrderOp][]): OrderState {
  let cur = o;
  for (const [actor, step] of steps) {
    const op = step.type === "sign" && step.version === SEEN ? { ...step, version: cur.version } : step;
    const r = applyOp(cur, actor, op);
    if (!r.ok) throw new Error(`${op.type}: ${r.message}`);
    cur = { ...r.order, version: cur.version + 1 };
  }
  return cur;
}

describe("who may change what", () => {
  it("lets the agent add, change and remove; adding the same product again raises its quantity", () => {
    const o = run(order(), ["agent", { type: "add", product: mug, quantity: 1 }], ["agent", { type: "add", product: mug, quantity: 2 }]);
    expect(o.items).toEqual([{ ...mug, quantity: 3 }]);
    expect(totalCents(o.items)).toBe(2700);
    expect(run(o, ["agent", { type: "set-quantity", productId: "mug", quantity: 5 }]).items[0]!.quantity).toBe(5);
    expect(run(o, ["agent", { type: "remove", productId: "mug" }]).items).toEqual([]);
  });

  it("lets the shopper take items out or lower a quantity, never add or raise", () => {
    const o = run(order(), ["agent", { type: "add", product: mug, quantity: 2 }]);
    expect(applyOp(o, "shopper", { type: "add", product: mug, quantity: 1 })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(applyOp(o, "shopper", { type: "set-quantity", productId: "mug", quantity: 3 })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(run(o, ["shopper", { type: "set-quantity", productId: "mug", quantity: 1 }]).items[0]!.quantity).toBe(1);
    expect(run(o, ["shopper", { type: "remove", productId: "mug" }]).items).toEqual([]);
  });

  it("refuses quantities out of range", () => {
    expect(applyOp(order(), "agent", { type: "add", product: mug, quantity: 0 })).toMatchObject({ ok: false, code: "BAD_REQUEST" });
    expect(applyOp(order(), "agent", { type: "add", product: mug, quantity: 100 })).toMatchObject({ ok: false, code: "BAD_REQUEST" });
  });

  it("only the shopper signs and only the agent confirms", () => {
    const o = run(order(), ["agent", { type: "add", product: mug, quantity: 1 }]);
    expect(applyOp(o, "agent", { type: "sign", name: "Ann Lee", version: o.version })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    const signed = run(o, ["shopper", sign("Ann Lee")]);
    expect(applyOp(signed, "shopper", { type: "confirm" })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    const placed = run(signed, ["agent", { type: "confirm" }]);
    expect(placed.status).toBe("placed");
    expect(applyOp(placed, "agent", { type: "add", product: mug, quantity: 1 })).toMatchObject({ ok: false, code: "CONFLICT" });
  });
});

describe("signature", () => {
  it("needs a full name and, for a guest, an email address", () => {
    expect(normalizeSignature("  Ann   Lee ")).toBe("Ann Lee");
    expect(normalizeSignature("Ann")).toBeNull();
    expect(normalizeSignature("12 34")).toBeNull();
    const guest = run(order({ member: false, age: null, email: null }), ["agent", { type: "add", product: mug, quantity: 1 }]);
    expect(applyOp(guest, "shopper", { type: "sign", name: "Ann Lee", version: guest.version })).toMatchObject({
      ok: false,
      code: "BAD_REQUEST",
      message: expect.stringMatching(/email/),
    });
    expect(run(guest, ["shopper", sign("Ann Lee", "ann@example.org")]).email).toBe("ann@example.org");
  });

  it("is refused on an empty order and voided when the goods change afterwards", () => {
    expect(applyOp(order(), "shopper", { type: "sign", name: "Ann Lee", version: order().version })).toMatchObject({
      ok: false,
      code: "CONFLICT",
    });
    const signed = run(order(), ["agent", { type: "add", product: mug, quantity: 2 }], ["shopper", sign("Ann Lee")]);
    const r = applyOp(signed, "shopper", { type: "set-quantity", productId: "mug", quantity: 1 });
    expect(r.ok && r.order.signedName).toBe(null);
    expect(r.ok && r.trail.map((t) => t.type)).toContain("signature-voided");
    expect(applyOp(signed, "agent", { type: "confirm" }).ok).toBe(true);
    expect(applyOp(run(signed, ["agent", { type: "add", product: mug, quantity: 1 }]), "agent", { type: "confirm" })).toMatchObject({
      ok: false,
      code: "CONFLICT",
    });
  });
});

describe("a signature is bound to the version the shopper reviewed", () => {
  it("refuses a signature for an older version as stale, whatever else the order holds", () => {
    const reviewed = run(order(), ["agent", { type: "add", product: mug, quantity: 1 }]);
    // The agent adds an item just before the signature lands.
    const changed = run(reviewed, ["agent", { type: "add", product: { ...mug, productId: "mug2", name: "Big mug" }, quantity: 1 }]);
    const r = applyOp(changed, "shopper", { type: "sign", name: "Ann Lee", version: reviewed.version });
    expect(r).toMatchObject({
      ok: false,
      code: "CONFLICT",
      reason: "order-changed",
      message: expect.stringMatching(/changed after you reviewed it/),
    });
    // A version from the future (a forged one) is refused the same way.
    expect(applyOp(changed, "shopper", { type: "sign", name: "Ann Lee", version: changed.version + 1 })).toMatchObject({
      ok: false,
      reason: "order-changed",
    });
  });

  it("accepts the current version and records it in the trail", () => {
    const o = run(order(), ["agent", { type: "add", product: mug, quantity: 2 }]);
    const r = applyOp(o, "shopper", { type: "sign", name: "Ann Lee", version: o.version });
    expect(r.ok).toBe(true);
    expect(r.ok && r.trail[0]?.detail).toBe(`Signed "Ann Lee" for version ${o.version}: 1 item line(s), total 1800 cents.`);
  });
});

describe("age check", () => {
  it("goes camera request → verified before the shopper can sign", () => {
    const o = run(order(), ["agent", { type: "add", product: wine, quantity: 1 }]);
    expect(readyToSign(o)).toBe(false);
    expect(applyOp(o, "shopper", { type: "sign", name: "Ann Lee", version: o.version })).toMatchObject({
      ok: false,
      message: expect.stringMatching(/verify your age/),
    });
    expect(applyOp(o, "agent", { type: "verify-age" })).toMatchObject({ ok: false, message: expect.stringMatching(/camera/) });
    const verified = run(o, ["agent", { type: "request-age" }], ["agent", { type: "verify-age" }]);
    expect(verified.ageCheck).toBe("verified");
    expect(readyToSign(verified)).toBe(true);
    expect(run(verified, ["shopper", sign("Ann Lee")], ["agent", { type: "confirm" }]).status).toBe("placed");
  });

  it("cannot verify with the shopper's camera off", () => {
    const o = run(order({ cameraOn: false }), ["agent", { type: "add", product: wine, quantity: 1 }], ["agent", { type: "request-age" }]);
    expect(applyOp(o, "agent", { type: "verify-age" })).toMatchObject({
      ok: false,
      code: "CONFLICT",
      message: expect.stringMatching(/camera is off/),
    });
  });

  it("never verifies a member under 18 by their birth date, nor sells them restricted goods", () => {
    expect(ageOn(new Date("2010-06-15"), new Date("2026-06-14"))).toBe(15);
    expect(ageOn(new Date("2008-06-15"), new Date("2026-06-15"))).toBe(18);
    const young = order({ age: 17 });
    expect(applyOp(young, "agent", { type: "add", product: wine, quantity: 1 })).toMatchObject({
      ok: false,
      message: expect.stringMatching(/under 18/),
    });
    const sneaked: OrderState = { ...young, ageCheck: "requested", items: [{ ...wine, quantity: 1 }] };
    expect(applyOp(sneaked, "agent", { type: "verify-age" })).toMatchObject({ ok: false, message: expect.stringMatching(/under 18/) });
  });

  it("keeps restricted goods from guests", () => {
    expect(applyOp(order({ member: false, age: null }), "agent", { type: "add", product: wine, quantity: 1 })).toMatchObject({
      ok: false,
      message: expect.stringMatching(/registered member/),
    });
  });

  it("a refusal removes the restricted goods, says why, and keeps them out", () => {
    const o = run(
      order(),
      ["agent", { type: "add", product: wine, quantity: 2 }],
      ["agent", { type: "add", product: mug, quantity: 1 }],
      ["agent", { type: "request-age" }],
    );
    const r = applyOp(o, "agent", { type: "refuse-age", reason: "No ID shown" });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.order.items.map((i) => i.productId)).toEqual(["mug"]);
    expect(r.order.ageCheck).toBe("refused");
    expect(r.trail).toEqual([
      { type: "age-refused", detail: "No ID shown" },
      { type: "item-removed", detail: "Rioja removed (age check refused)" },
    ]);
    expect(applyOp(r.order, "agent", { type: "add", product: wine, quantity: 1 })).toMatchObject({
      ok: false,
      message: expect.stringMatching(/refused/),
    });
    expect(readyToSign(r.order)).toBe(true);
  });
});
