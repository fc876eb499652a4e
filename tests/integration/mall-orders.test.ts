import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BusPublisher } from "../../lib/bus";
import { db, disconnectDb, type Db } from "../../lib/db/client";
import type { Email, Mailer } from "../../lib/mailbox/notify";
import { acceptRing, endCall, requestAgent, setAgentStatus, setShopperCamera } from "../../lib/mall/calls";
import { changeOrder, orderForParty, type Party } from "../../lib/mall/orders";
import { type Row, shopStats } from "../../lib/mall/stats";
import { api, person, useStackDatabase } from "../support/http";

/**
 * Orders through the service and the real database: who may change what, the age check against a
 * registered birth date, concurrent edits, the trail, and the confirmation email. The clock runs a
 * day ahead (as in mall-routing.test.ts) so the web server's sweeper leaves these calls alone.
 */
const SHOP = "northwind-cellars";
const NODE = "orders-test-node";
let client: Db;
const t = Date.now() + 24 * 3600_000;
const now = () => new Date(t);
const mails: Email[] = [];
const mailer: Mailer = {
  async send(m) {
    mails.push(m);
  },
};
const bus: BusPublisher = { async toMember() {}, async presenceChanged() {} };
const deps = () => ({ db: client, bus, mailer, now, publicUrl: "http://portal.test" });
let agentId = "";
let before: { shop?: Row; agent?: Row } = {};
const allRows = async () => {
  const s = await shopStats(client, agentId, SHOP, 14, now());
  return {
    shop: s.shop.find((r) => r.day === "all"),
    agent: s.agents.find((a) => a.memberId === agentId)?.rows.find((r) => r.day === "all"),
  };
};
const product = async (slug: string) => (await client.product.findFirstOrThrow({ where: { slug, merchant: { slug: SHOP } } })).id;

async function register(birthDate: string) {
  const p = person({ birthDate });
  const r = await api<{ member: { id: string } }>("/api/register", { method: "POST", json: p });
  expect(r.status).toBe(201);
  // Confirmations go only to confirmed addresses (tests/integration/accounts.test.ts covers the link).
  await client.member.update({ where: { id: r.body.member.id }, data: { emailVerifiedAt: new Date() } });
  return { id: r.body.member.id, email: p.email, name: p.displayName };
}

/** A connected call between the agent and this shopper, with its open order. */
async function connectedCall(shopper: { memberId: string | null; guestId: string | null; name: string }) {
  const id = await requestAgent(deps(), { merchantSlug: SHOP, shopper, fromPath: `/mall/${SHOP}` });
  await acceptRing(deps(), id, agentId);
  return id;
}

beforeAll(async () => {
  useStackDatabase();
  client = await db();
  agentId = (await client.member.findUniqueOrThrow({ where: { handleKey: "northwind-owner" } })).id;
  await client.presenceConnection.create({
    data: {
      id: `${NODE}-1`,
      memberId: agentId,
      nodeId: NODE,
      deviceId: "t",
      address: "127.0.0.1",
      userAgent: "t",
      connectedAt: now(),
      lastSeenAt: now(),
    },
  });
  await setAgentStatus(deps(), agentId, "available");
  before = await allRows();
});

afterAll(async () => {
  for (const c of await client.mallCall.findMany({ where: { agentId, status: { not: "ended" } } })) await endCall(deps(), c.id, {}, "left");
  await setAgentStatus(deps(), agentId, "away");
  await client.presenceConnection.deleteMany({ where: { nodeId: NODE } });
  await disconnectDb();
});

describe("orders in a mall call", () => {
  it("sells wine to an adult after the camera check, keeps the trail, and emails the confirmation", async () => {
    const adult = await register("1985-03-02");
    const shopper: Party = { kind: "shopper", memberId: adult.id, guestId: null };
    const agent: Party = { kind: "agent", memberId: agentId };
    const callId = await connectedCall({ memberId: adult.id, guestId: null, name: adult.name });
    const add = (productId: string, quantity = 1) => ({
      type: "add" as const,
      quantity,
      product: { productId, name: "", priceCents: 0, ageRestricted: false },
    });

    // The price and the 18+ mark come from the catalogue, never from the request.
    const o1 = await changeOrder(deps(), {
      callId,
      party: agent,
      op: {
        type: "add",
        quantity: 2,
        product: { productId: await product("douro-reserva"), name: "Free wine", priceCents: 1, ageRestricted: false },
      },
    });
    expect(o1.items[0]).toMatchObject({ name: "Douro Reserva 2021", priceCents: 2450, ageRestricted: true, quantity: 2 });
    await expect(changeOrder(deps(), { callId, party: shopper, op: add(await product("cork-opener")) })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });

    await changeOrder(deps(), { callId, party: agent, op: { type: "request-age" } });
    await expect(changeOrder(deps(), { callId, party: agent, op: { type: "verify-age" } })).rejects.toThrow(/camera is off/);
    await setShopperCamera(deps(), callId, { memberId: adult.id, guestId: null }, true);
    await changeOrder(deps(), { callId, party: agent, op: { type: "verify-age" } });

    // Both edit at once: each change lands (the version check retries the loser).
    const [a, b] = await Promise.all([
      changeOrder(deps(), { callId, party: agent, op: add(await product("cork-opener")) }),
      changeOrder(deps(), { callId, party: shopper, op: { type: "set-quantity", productId: await product("douro-reserva"), quantity: 1 } }),
    ]);
    const last = a.version > b.version ? a : b;
    expect(last.items.map((i) => [i.name, i.quantity])).toEqual([
      ["Douro Reserva 2021", 1],
      ["Waiter's corkscrew", 1],
    ]);
    expect(last.totalCents).toBe(2450 + 1800);

    await expect(changeOrder(deps(), { callId, party: shopper, op: { type: "sign", name: "Ann", version: last.version } })).rejects.toThrow(
      /full name/,
    );
    await changeOrder(deps(), { callId, party: shopper, op: { type: "sign", name: adult.name, version: last.version } });
    const placed = await changeOrder(deps(), { callId, party: agent, op: { type: "confirm" } });
    expect(placed).toMatchObject({ status: "placed", payment: "due", ageCheck: "verified", signedName: adult.name });

    const seen = await orderForParty(client, placed.id, { memberId: agentId, guestId: null });
    expect(seen.trail?.map((e) => e.type)).toEqual([
      "opened",
      "item-added",
      "age-camera-requested",
      "age-verified",
      expect.any(String),
      expect.any(String),
      "signed",
      "placed",
    ]);
    expect(seen.trail?.find((e) => e.type === "age-verified")).toMatchObject({
      actor: "agent",
      detail: expect.stringMatching(/registered age \d+/),
    });
    // The shopper sees their order but not the shop's trail.
    expect((await orderForParty(client, placed.id, { memberId: adult.id, guestId: null })).trail).toBeNull();

    const mail = mails.find((m) => m.subject.includes(placed.reference));
    expect(mail?.to).toBe(adult.email);
    expect(mail?.text).toContain("payment due");
    expect(mail?.text).toContain(`http://portal.test/mall/orders/${placed.id}`);
    await endCall(deps(), callId, { agentId });
  });

  it("never verifies a member under 18 by their birth date, and a refusal takes the wine out", async () => {
    const minor = await register(`${new Date(t).getUTCFullYear() - 16}-01-01`);
    const callId = await connectedCall({ memberId: minor.id, guestId: null, name: minor.name });
    const agent: Party = { kind: "agent", memberId: agentId };
    await expect(
      changeOrder(deps(), {
        callId,
        party: agent,
        op: { type: "add", quantity: 1, product: { productId: await product("dao-tinto"), name: "", priceCents: 0, ageRestricted: false } },
      }),
    ).rejects.toThrow(/under 18/);
    await endCall(deps(), callId, { agentId });

    const adult = await register("1990-01-01");
    const second = await connectedCall({ memberId: adult.id, guestId: null, name: adult.name });
    await changeOrder(deps(), {
      callId: second,
      party: agent,
      op: { type: "add", quantity: 1, product: { productId: await product("dao-tinto"), name: "", priceCents: 0, ageRestricted: false } },
    });
    await changeOrder(deps(), { callId: second, party: agent, op: { type: "request-age" } });
    const refused = await changeOrder(deps(), { callId: second, party: agent, op: { type: "refuse-age", reason: "No ID shown" } });
    expect(refused).toMatchObject({ ageCheck: "refused", items: [] });
    // A stranger (another shopper) cannot touch this order.
    await expect(
      changeOrder(deps(), {
        callId: second,
        party: { kind: "shopper", memberId: minor.id, guestId: null },
        op: { type: "remove", productId: "x" },
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    // Once the call ends, an open order is closed without a sale.
    await endCall(deps(), second, { agentId });
    expect((await client.order.findUniqueOrThrow({ where: { callId: second } })).status).toBe("abandoned");
  });

  it("counts the calls, answers, orders and conversion in the owner's figures", async () => {
    const after = await allRows();
    const d = (k: "offered" | "answered" | "missed" | "orders" | "salesCents", r: "shop" | "agent") =>
      (after[r]?.[k] ?? 0) - (before[r]?.[k] ?? 0);
    // Three calls this file placed, all answered by the owner; one order of €42.50.
    expect([d("offered", "shop"), d("answered", "shop"), d("missed", "shop"), d("orders", "shop"), d("salesCents", "shop")]).toEqual([
      3, 3, 0, 1, 4250,
    ]);
    expect([d("offered", "agent"), d("answered", "agent"), d("orders", "agent")]).toEqual([3, 3, 1]);
    expect(after.shop?.conversion).toBeGreaterThan(0);
    expect(after.shop?.longestWaitMs).toBeGreaterThanOrEqual(0);
  });
});
