import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { BusPublisher } from "../../lib/bus";
import { db, disconnectDb, type Db } from "../../lib/db/client";
import { setEnvForTests } from "../../lib/env";
import { DomainError } from "../../lib/errors";
import { acceptRing, endCall, requestAgent, setAgentStatus } from "../../lib/mall/calls";

/**
 * Races between transactions on PostgreSQL, made certain instead of likely: another connection
 * holds a lock where the race window is, the test waits until the portal's transactions are all
 * queued behind it (PostgreSQL says so in pg_stat_activity), then lets go. SQLite runs one write
 * transaction at a time (BEGIN IMMEDIATE), so these interleavings cannot happen there.
 */
const APP = "mall-races-test";
const NODE = "mall-races-node";
const databaseUrl = inject("databaseUrl");
const sent: string[] = [];
const bus: BusPublisher = {
  async toMember(_to, type) {
    sent.push(type);
  },
  async presenceChanged() {},
};
let client: Db;
let outside: pg.Client;
const deps = () => ({ db: client, bus });

async function memberId(handle: string) {
  return (await client.member.findUniqueOrThrow({ where: { handleKey: handle }, select: { id: true } })).id;
}

/** The agent holds a live console connection and is available. */
async function available(handle: string) {
  const id = await memberId(handle);
  const now = new Date();
  await client.presenceConnection.upsert({
    where: { id: `${NODE}-${id}` },
    create: {
      id: `${NODE}-${id}`,
      memberId: id,
      nodeId: NODE,
      deviceId: "t",
      address: "127.0.0.1",
      userAgent: "t",
      connectedAt: now,
      lastSeenAt: now,
    },
    update: { lastSeenAt: now },
  });
  await setAgentStatus(deps(), id, "available");
  return id;
}

/** Resolves once `n` of this test's own connections wait for a lock (held by `outside`). */
async function waiting(n: number) {
  for (;;) {
    const [row] = await client.$queryRawUnsafe<{ n: bigint }[]>(
      `SELECT count(*) AS n FROM pg_stat_activity WHERE application_name = $1 AND wait_event_type = 'Lock'`,
      APP,
    );
    if (Number(row!.n) >= n) return;
    await new Promise((r) => setTimeout(r, 20));
  }
}

const guest = (n: number) => ({ memberId: null, guestId: `races-guest-${n}-${Math.random().toString(36).slice(2)}`, name: "Guest" });

describe.skipIf(!databaseUrl.startsWith("postgres"))("mall races on PostgreSQL", () => {
  const shops = ["pixel-point", "circuit-house", "bloom-and-stem", "trailhead", "urban-thread"];
  const agents = ["pixel-agent1", "circuit-agent1", "bloom-agent1", "trail-agent1", "thread-agent1"];

  beforeAll(async () => {
    // Our own connections are named, so that only they are counted as waiting.
    const url = new URL(databaseUrl);
    url.searchParams.set("application_name", APP);
    setEnvForTests({ DATABASE_URL: url.toString() });
    client = await db();
    outside = new pg.Client({ connectionString: databaseUrl });
    await outside.connect();
  });

  afterAll(async () => {
    const open = await client.mallCall.findMany({
      where: { merchant: { slug: { in: shops } }, status: { not: "ended" } },
      select: { id: true },
    });
    for (const c of open) await endCall(deps(), c.id, { shopper: true }, "left");
    for (const h of agents) await setAgentStatus(deps(), await memberId(h), "away");
    await client.presenceConnection.deleteMany({ where: { nodeId: NODE } });
    await outside.end();
    await disconnectDb();
  });

  it("keeps a placed order placed when the call ends while it is being placed", async () => {
    const agent = await available("thread-agent1");
    const callId = await requestAgent(deps(), { merchantSlug: "urban-thread", shopper: guest(0), fromPath: "/mall/urban-thread" });
    await acceptRing(deps(), callId, agent);
    const before = await client.order.findUniqueOrThrow({ where: { callId } });
    expect(before.status).toBe("open");

    // The placing write (the agent's confirmation) holds the order's row while the call ends.
    await outside.query("BEGIN");
    await outside.query(`SELECT id FROM "Order" WHERE id = $1 FOR UPDATE`, [before.id]);
    const ending = endCall(deps(), callId, { shopper: true }, "left");
    await waiting(1);
    await outside.query(`UPDATE "Order" SET status = 'placed', version = version + 1 WHERE id = $1`, [before.id]);
    await outside.query("COMMIT");
    await ending;

    const after = await client.order.findUniqueOrThrow({ where: { callId }, include: { events: true } });
    expect(after.status).toBe("placed");
    expect(after.version).toBe(before.version + 1);
    expect(after.events.map((e) => e.type)).not.toContain("abandoned");
  });

  it("holds the open guest calls of one address to the cap across shops, however many arrive at once", async () => {
    for (const h of agents.slice(0, 4)) await available(h);
    const address = `10.250.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;

    // Every request is held where it would store its call, after it has counted the open ones.
    await outside.query("BEGIN");
    await outside.query(`LOCK TABLE "MallCall" IN SHARE MODE`);
    const asks = shops.slice(0, 4).map((slug, i) =>
      requestAgent(deps(), {
        merchantSlug: slug,
        shopper: guest(i + 1),
        fromPath: `/mall/${slug}`,
        guestAddress: address,
        maxOpenPerAddress: 2,
      }),
    );
    await waiting(4);
    await outside.query("COMMIT");
    const results = await Promise.allSettled(asks);

    const refused = results.filter((r) => r.status === "rejected").map((r) => (r.reason as DomainError).code);
    expect(refused).toEqual(["RATE_LIMITED", "RATE_LIMITED"]);
    expect(await client.mallCall.count({ where: { shopperAddress: address, status: { not: "ended" } } })).toBe(2);
  });
});
