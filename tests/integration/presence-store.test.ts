import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, disconnectDb } from "../../lib/db/client";
import type { Connection } from "../../lib/presence/registry";
import { beat, clearNode, writeChanges } from "../../lib/presence/store";
import { useStackDatabase } from "../support/http";

beforeAll(() => useStackDatabase());
afterAll(() => disconnectDb());

const conn = (i: number): Connection => ({
  id: `store-${i}`,
  memberId: null,
  guestId: `g${i}`,
  deviceId: "d",
  address: "127.0.0.1",
  userAgent: "test",
  connectedAt: new Date(),
  idle: false,
});

describe("presence rows in the database", () => {
  it("writes a reconnection storm of thousands of connections in one flush, beats and clears them", async () => {
    const client = await db();
    const nodeId = `store-test-${Date.now()}`;
    const many = Array.from({ length: 3000 }, (_, i) => conn(i));
    await writeChanges(client, nodeId, { upserts: many, deletes: [] });
    expect(await client.presenceConnection.count({ where: { nodeId } })).toBe(3000);

    // An idle change rewrites a row; a delete removes one.
    await writeChanges(client, nodeId, { upserts: [{ ...many[0]!, idle: true }], deletes: ["store-1"] });
    expect(await client.presenceConnection.count({ where: { nodeId } })).toBe(2999);
    expect((await client.presenceConnection.findUnique({ where: { id: "store-0" } }))?.idle).toBe(true);
    // Stored rows that only went idle or active are updated in place, thousands at once.
    const flips = many.slice(2, 1502).map((c, i) => ({ id: c.id, idle: i % 2 === 0 }));
    await writeChanges(client, nodeId, { upserts: [], deletes: [], idle: flips });
    expect(await client.presenceConnection.count({ where: { nodeId, idle: true } })).toBe(1 + 750);
    expect(await client.presenceConnection.count({ where: { nodeId } })).toBe(2999);

    const later = new Date(Date.now() + 60_000);
    expect(await beat(client, nodeId, later)).toBe(2999);
    expect(await clearNode(client, nodeId)).toBe(2999);
  });
});
