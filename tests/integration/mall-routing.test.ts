import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BusPublisher } from "../../lib/bus";
import { db, disconnectDb, type Db } from "../../lib/db/client";
import { acceptRing, endCall, endRing, requestAgent, requestCallback, setAgentStatus, shopperCall, sweepMall } from "../../lib/mall/calls";
import { OFFER_MESSAGE_AFTER_MS } from "../../lib/mall/routing";
import { api, person, useStackDatabase } from "../support/http";

/**
 * The routing machine stored in the real database (lib/mall/routing-store.ts), driven with a clock
 * a day ahead so the web server's own sweeper (on the real clock) leaves these calls alone. Only
 * the bus is a recorder here: the browsers' side is covered by e2e/mall-calls.spec.ts.
 */
const SHOP = "brew-lab";
const NODE = "routing-test-node";
let client: Db;
let t = Date.now() + 24 * 3600_000;
const now = () => new Date(t);
const sent: { to: string; type: string; data: Record<string, unknown> }[] = [];
const bus: BusPublisher = {
  async toMember(to, type, data) {
    sent.push({ to, type, data });
  },
  async presenceChanged() {},
};
const deps = () => ({ db: client, bus, now });
const ids: Record<string, string> = {};
const guest = (n: number) => ({
  memberId: null,
  guestId: `routing-test-guest-${n}-${Math.random().toString(36).slice(2, 8)}`,
  name: "Guest shopper",
});

/** The agent's browser holds a connection (what the presence server would write). */
async function online(memberId: string) {
  await client.presenceConnection.upsert({
    where: { id: `${NODE}-${memberId}` },
    create: {
      id: `${NODE}-${memberId}`,
      memberId,
      nodeId: NODE,
      deviceId: "test",
      address: "127.0.0.1",
      userAgent: "test",
      connectedAt: now(),
      lastSeenAt: now(),
    },
    update: { lastSeenAt: now() },
  });
}

const rings = (agent: string) => sent.filter((e) => e.to === agent && e.type === "mall-ring").map((e) => e.data.id as string);

beforeAll(async () => {
  useStackDatabase();
  client = await db();
  for (const h of ["brew-agent1", "brew-agent2", "brew-owner"]) {
    const m = await client.member.findUniqueOrThrow({ where: { handleKey: h }, select: { id: true } });
    ids[h] = m.id;
  }
});

afterAll(async () => {
  const merchant = await client.merchant.findUniqueOrThrow({ where: { slug: SHOP } });
  const open = await client.mallCall.findMany({ where: { merchantId: merchant.id, status: { not: "ended" } }, select: { id: true } });
  for (const c of open) await endCall(deps(), c.id, {}, "left");
  await client.merchantStaff.updateMany({ where: { merchantId: merchant.id }, data: { status: "away", missedInRow: 0 } });
  await client.presenceConnection.deleteMany({ where: { nodeId: NODE } });
  await disconnectDb();
});

describe("mall routing in the database", () => {
  it("rings the agent idle longest, moves on after 15 s, and sets an agent away after three missed rings in a row", async () => {
    const a = ids["brew-agent1"]!;
    const b = ids["brew-agent2"]!;
    await online(a);
    await online(b);
    await setAgentStatus(deps(), a, "available");
    t += 1000;
    await setAgentStatus(deps(), b, "available");
    t += 1000;
    const shopper = guest(1);
    const call = await requestAgent(deps(), { merchantSlug: SHOP, shopper, fromPath: "/mall/brew-lab" });
    expect(rings(a)).toEqual([call]);
    expect((await shopperCall(deps(), call, shopper)).status).toBe("ringing");
    // Time passes with both agents' consoles and the shopper's page open (each keeps itself alive).
    const pass = async (ms: number) => {
      t += ms;
      await online(a);
      await online(b);
      await shopperCall(deps(), call, shopper, { keepPlace: true });
      await sweepMall(deps());
    };

    // 14 s: still A. 15 s: B.
    await pass(14_000);
    expect(rings(b)).toEqual([]);
    await pass(1_000);
    expect(rings(b)).toEqual([call]);
    expect(sent.some((e) => e.to === a && e.type === "mall-ring-stop" && e.data.callId === call)).toBe(true);

    // B declines: everyone free has been tried, so it starts over with A rather than leave the shopper waiting.
    await endRing(deps(), call, b, "declined");
    expect(rings(a)).toEqual([call, call]);
    // A lets it ring out twice more (still idle longest): three in a row, and A is set away with a notice.
    for (let i = 0; i < 2; i++) {
      expect((await client.mallCall.findUniqueOrThrow({ where: { id: call } })).agentId).toBe(a);
      await pass(15_000);
    }
    const staffA = await client.merchantStaff.findFirstOrThrow({ where: { memberId: a, merchant: { slug: SHOP } } });
    expect(staffA.missedInRow).toBe(3);
    expect(staffA.status).toBe("away");
    expect(sent.find((e) => e.to === a && e.type === "mall-console")?.data.notice).toMatch(/missed 3 calls in a row/);
    const rows = await client.mallRing.findMany({ where: { callId: call }, orderBy: { at: "asc" } });
    expect(rows.filter((r) => r.agentId === a).map((r) => r.result)).toEqual(["missed", "missed", "missed"]);

    // B takes it this time.
    const row = await client.mallCall.findUniqueOrThrow({ where: { id: call } });
    expect(row.agentId).toBe(b);
    await acceptRing(deps(), call, b);
    expect(await client.order.count({ where: { callId: call } })).toBe(1);
  });

  it("queues while the agent is busy, offers a message after 90 s, frees the place of a shopper who left, and rings a callback when the agent is free", async () => {
    const b = ids["brew-agent2"]!;
    const p = person();
    const registered = await api<{ member: { id: string } }>("/api/register", { method: "POST", json: p });
    expect(registered.status).toBe(201);
    const owner = registered.body.member.id;
    const waiting = guest(2);
    const queued = await requestAgent(deps(), { merchantSlug: SHOP, shopper: waiting, fromPath: "/mall/brew-lab" });
    const view = await shopperCall(deps(), queued, waiting);
    expect(view.status).toBe("queued");
    expect(view.position).toBe(1);
    expect(view.waitMs).toBeGreaterThan(0);
    expect(new Date(view.offerMessageAt).getTime() - t).toBe(OFFER_MESSAGE_AFTER_MS);

    // A registered shopper asks to be called back: behind the caller.
    const callback = await requestCallback(deps(), { merchantSlug: SHOP, memberId: owner, name: "Callback Person" });
    expect((await shopperCall(deps(), callback, { memberId: owner, guestId: null })).position).toBe(2);

    // The waiting guest closes their tab: 30 s later their place is freed and the callback moves up.
    // Reading the call (a page render or a GET) along the way does not keep the place; only the page's POST does.
    t += 20_000;
    await online(b);
    await shopperCall(deps(), queued, waiting);
    t += 11_000;
    await online(b);
    await sweepMall(deps());
    expect((await client.mallCall.findUniqueOrThrow({ where: { id: queued } })).outcome).toBe("left");
    expect((await shopperCall(deps(), callback, { memberId: owner, guestId: null })).position).toBe(1);

    // B finishes the call in progress and is free: the callback rings B at once.
    const current = await client.mallCall.findFirstOrThrow({ where: { agentId: b, status: "connected" } });
    await endCall(deps(), current.id, { agentId: b });
    expect(rings(b).at(-1)).toBe(callback);
    const ring = sent.filter((e) => e.to === b && e.type === "mall-ring").at(-1)!;
    expect(ring.data.kind).toBe("callback");
    await acceptRing(deps(), callback, b);
    expect(sent.filter((e) => e.to === owner && e.type === "mall-call").at(-1)?.data).toMatchObject({
      id: callback,
      kind: "callback",
      status: "connected",
    });
  });

  it("answers 'closed' at once when nobody is online, and refuses the shop's own staff", async () => {
    for (const c of await client.mallCall.findMany({ where: { merchant: { slug: SHOP }, status: { not: "ended" } } }))
      await endCall(deps(), c.id, {}, "left");
    await client.merchantStaff.updateMany({ where: { merchant: { slug: SHOP } }, data: { status: "away" } });
    const g = guest(3);
    const id = await requestAgent(deps(), { merchantSlug: SHOP, shopper: g, fromPath: "/mall/brew-lab" });
    const view = await shopperCall(deps(), id, g);
    expect(view).toMatchObject({ status: "ended", outcome: "closed", agentsOnline: 0 });
    // The shop's own staff do not queue for it.
    await expect(
      requestAgent(deps(), {
        merchantSlug: SHOP,
        shopper: { memberId: ids["brew-agent1"]!, guestId: null, name: "Agent" },
        fromPath: "/mall/brew-lab",
      }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
  });
});
