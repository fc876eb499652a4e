import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { BusPublisher } from "../../lib/bus";
import { HttpBusClient } from "../../lib/bus/http-client";
import { db, disconnectDb } from "../../lib/db/client";
import { announceMessage } from "../../lib/messages/announce";
import { openDirect } from "../../lib/messages/open-direct";
import { sendMessage } from "../../lib/messages/send-message";
import { uuid7 } from "../../lib/messages/uuid7";
import { freePort } from "../support/free-port";
import { useStackDatabase } from "../support/http";
import { messageDevice } from "../support/message-device";
import { createMember } from "../support/members";
import { type NodeHandle, startPresenceNode, TEST_PRESENCE_SECRET, until } from "../support/presence";
import { startRedis } from "../support/redis";

/**
 * Nothing lost, nothing repeated, all in order, on every device, while the parts under the
 * messages fail: a presence node killed and restarted mid-burst, Redis restarted mid-burst, and the
 * sender sending every message twice at once (a retry racing its first try) and again afterwards.
 */
beforeAll(() => useStackDatabase());
afterAll(() => disconnectDb());

const N = 150;
let T0 = Date.now();
const running: NodeHandle[] = [];
afterAll(() => Promise.all(running.map((n) => n.kill("SIGKILL"))));

async function node(port: number, nodeId: string, env: Record<string, string> = {}) {
  const n = await startPresenceNode({ port, nodeId, databaseUrl: inject("databaseUrl"), env });
  running.push(n);
  return n;
}

async function pair(tag: string) {
  const client = await db();
  const [ann, ben] = [await createMember(tag, "Ann"), await createMember(tag, "Ben")];
  const { conversationId } = await openDirect({ db: client, memberId: ann, otherId: ben });
  return { client, ann, ben, conversationId };
}

/** The burst: each message sent twice at once, as a route would store and announce it; `during(i)` breaks things along the way. */
async function burst(
  deps: { db: Awaited<ReturnType<typeof db>>; bus: BusPublisher },
  senderId: string,
  conversationId: string,
  during: (i: number) => Promise<void> | void,
) {
  const ids: string[] = [];
  T0 = Date.now();
  for (let i = 1; i <= N; i++) {
    await during(i);
    const clientId = uuid7();
    ids.push(clientId);
    const send = () => sendMessage({ db: deps.db, senderId, conversationId, input: { clientId, body: `message ${i}` } });
    const tries = await Promise.all([send(), send()]);
    // Routes announce what they stored now; a bus that is down loses the announcement, never the message.
    for (const t of tries) if (t.created) await announceMessage(deps, t.message).catch(() => undefined);
    await new Promise((r) => setTimeout(r, 5));
  }
  // Late retries of a few, long after: the same messages.
  for (const i of [3, 77, N - 1])
    expect(
      (await sendMessage({ db: deps.db, senderId, conversationId, input: { clientId: ids[i - 1]!, body: `message ${i}` } })).created,
    ).toBe(false);
  return ids;
}

/** Every device holds 1 … N+1 once each, in order, with the right words; the database holds each message once. */
async function expectComplete(
  client: Awaited<ReturnType<typeof db>>,
  conversationId: string,
  devices: Record<string, ReturnType<typeof messageDevice>>,
) {
  const want = [...Array.from({ length: N }, (_, i) => `message ${i + 1}`), "the end"];
  for (const [name, d] of Object.entries(devices)) {
    await until(() => d.thread(conversationId).cursor === N + 1, 60_000, `${name} to hold every message`, 200).catch((err: Error) => {
      const t = d.thread(conversationId);
      throw new Error(
        `${err.message}: cursor ${t.cursor}, ${t.messages.length} held, connected ${d.socket.connected}\n${running.map((n) => n.log().slice(-1500)).join("\n---\n")}`,
      );
    });
    const t = d.thread(conversationId);
    expect(
      t.messages.map((m) => m.seq),
      name,
    ).toEqual(want.map((_, i) => i + 1));
    expect(
      t.messages.map((m) => m.body),
      name,
    ).toEqual(want);
    expect(new Set(t.messages.map((m) => m.clientId)).size, name).toBe(N + 1);
    console.log(`${name}: ${d.received.live} live, ${d.received.synced} by catching up (at ${Date.now() - T0} ms)`);
  }
  const rows = await client.conversationMessage.findMany({ where: { conversationId }, select: { seq: true } });
  expect(rows.map((r) => r.seq).sort((a, b) => a - b)).toEqual(want.map((_, i) => i + 1));
}

describe("messages through failures", () => {
  it("one node killed and restarted mid-burst: every device of both members ends with every message once, in order", async () => {
    const { client, ann, ben, conversationId } = await pair("md1");
    const port = await freePort();
    let a = await node(port, `msg-a-${process.pid}`);
    const bus = new HttpBusClient(a.url, TEST_PRESENCE_SECRET);
    const devices = {
      "ben-laptop": messageDevice(client, ben, a.url),
      "ben-phone": messageDevice(client, ben, a.url),
      "ann-phone": messageDevice(client, ann, a.url),
    };
    await until(() => Object.values(devices).every((d) => d.socket.connected), 10_000, "the devices to connect");

    await burst({ db: client, bus }, ann, conversationId, async (i) => {
      if (i === 50) await a.kill("SIGKILL");
      if (i === 90) a = await node(port, `msg-a-${process.pid}`);
    });
    // A last message once all is up again: a device that missed the tail sees the gap and catches up.
    const end = await sendMessage({ db: client, senderId: ann, conversationId, input: { clientId: uuid7(), body: "the end" } });
    await announceMessage({ db: client, bus }, end.message);
    await expectComplete(client, conversationId, devices);
    for (const d of Object.values(devices)) d.close();
  }, 120_000);

  it.skipIf(!inject("databaseUrl").startsWith("postgres"))(
    "two nodes over Redis: one node killed and restarted, then Redis restarted, mid-burst: nothing lost, nothing repeated, in order",
    async () => {
      const { client, ann, ben, conversationId } = await pair("md2");
      let redis = await startRedis();
      const env = { REDIS_URL: redis.url };
      const [portA, portB] = [await freePort(), await freePort()];
      const a = await node(portA, `msg-a-${process.pid}-r`, env);
      let b = await node(portB, `msg-b-${process.pid}-r`, env);
      const { RedisBus } = await import("../../lib/bus/redis");
      const bus = new RedisBus(redis.url);
      // A cold start: the first event waits for the first connection instead of failing.
      await expect(bus.toMember(ben, "typing", { conversationId, memberId: ann })).resolves.toBeUndefined();
      const devices = {
        "ben-laptop (node A)": messageDevice(client, ben, a.url),
        "ben-phone (node B)": messageDevice(client, ben, b.url),
        "ann-phone (node B)": messageDevice(client, ann, b.url),
        "ann-laptop (node A)": messageDevice(client, ann, a.url),
      };
      await until(() => Object.values(devices).every((d) => d.socket.connected), 10_000, "the devices to connect");

      await burst({ db: client, bus }, ann, conversationId, async (i) => {
        if (i === 30) await b.kill("SIGKILL");
        if (i === 60) b = await node(portB, `msg-b-${process.pid}-r`, env);
        if (i === 90) redis.stop();
        if (i === 110) redis = await startRedis(redis.port);
      });
      const end = await sendMessage({ db: client, senderId: ann, conversationId, input: { clientId: uuid7(), body: "the end" } });
      // Announced once Redis takes it again (the publisher reconnects by itself).
      await until(async () => await announceMessage({ db: client, bus }, end.message).then(() => true), 10_000, "the bus to be back");
      await expectComplete(client, conversationId, devices);
      for (const d of Object.values(devices)) d.close();
      await bus.close();
      redis.stop();
    },
    180_000,
  );
});
