import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { disconnectDb } from "../../lib/db/client";
import type { MemberEvent, SocketSend, SocketSendAck } from "../../lib/presence/events";
import type { WireMessage } from "../../lib/messages/schemas";
import { uuid7 } from "../../lib/messages/uuid7";
import { api, signedInMember, useStackDatabase } from "../support/http";
import { connectClient, type TestClient, until, waitConnected } from "../support/presence";

/** Messages sent over the presence socket (as the browser sends while connected), against the stack's real servers. */
beforeAll(() => useStackDatabase());
afterAll(() => disconnectDb());

const as = (cookie: string, init: Record<string, unknown> = {}) => ({ ...init, headers: { cookie } });

/** A device: a ticket from the portal (a member's, or a guest's without a cookie), a connection, every event it is sent. */
async function device(m: { cookie: string } | null, name: string) {
  const t = await api<{ ticket: string; url: string }>("/api/presence/ticket", m ? as(m.cookie, { method: "POST" }) : { method: "POST" });
  const socket: TestClient = connectClient(t.body.url, { ticket: t.body.ticket, deviceId: name });
  const events: MemberEvent[] = [];
  socket.on("event", (e: MemberEvent) => events.push(e));
  await waitConnected(socket);
  const send = (m: SocketSend) =>
    new Promise<SocketSendAck>((resolve, reject) =>
      socket.timeout(10_000).emit("send", m, (err: Error | null, r: SocketSendAck) => (err ? reject(err) : resolve(r))),
    );
  const messages = () => events.filter((e) => e.type === "message").map((e) => e.data as WireMessage);
  return { socket, send, messages };
}

const stored = (r: SocketSendAck) => {
  if ("error" in r) throw new Error(`refused: ${r.error.code} ${r.error.message}`);
  return r.message;
};
const refusal = (r: SocketSendAck) => ("error" in r ? r.error : null);

async function pair() {
  const [ann, ben] = [await signedInMember(), await signedInMember()];
  await api("/api/contacts", as(ann.cookie, { method: "POST", json: { to: ben.handle } }));
  await api(`/api/contacts/${ann.id}`, as(ben.cookie, { method: "POST", json: { action: "accept" } }));
  const cid = (await api<{ conversationId: string }>("/api/messages", as(ann.cookie, { method: "POST", json: { to: ben.id } }))).body
    .conversationId;
  return { ann, ben, cid };
}

describe("messages over the presence socket", () => {
  it("sent over the socket: stored, on every device of both members once; a retry, by socket or by the route, is the same message", async () => {
    const { ann, ben, cid } = await pair();
    const [annLaptop, annPhone, benLaptop, benPhone] = [
      await device(ann, "ann-laptop"),
      await device(ann, "ann-phone"),
      await device(ben, "ben-laptop"),
      await device(ben, "ben-phone"),
    ];
    const clientId = uuid7();
    const first = stored(await annLaptop.send({ conversationId: cid, clientId, body: "Hello over the socket" }));
    expect(first).toMatchObject({ seq: 1, senderId: ann.id, clientId, body: "Hello over the socket" });
    const again = stored(await annLaptop.send({ conversationId: cid, clientId, body: "Hello over the socket" }));
    expect(again.id).toBe(first.id);
    const byRoute = await api<{ message: WireMessage }>(
      `/api/messages/${cid}`,
      as(ann.cookie, { method: "POST", json: { clientId, body: "Hello over the socket" } }),
    );
    expect(byRoute.status).toBe(200);
    expect(byRoute.body.message.id).toBe(first.id);
    // A reply over the socket, from Ben.
    const reply = stored(await benPhone.send({ conversationId: cid, clientId: uuid7(), body: "Hi Ann", replyToSeq: 1 }));
    expect(reply).toMatchObject({ seq: 2, replyToSeq: 1 });

    for (const d of [annLaptop, annPhone, benLaptop, benPhone]) {
      await until(() => d.messages().length === 2, 5000, "both messages on every device");
    }
    await new Promise((r) => setTimeout(r, 300));
    for (const d of [annLaptop, annPhone, benLaptop, benPhone]) expect(d.messages().map((m) => m.seq)).toEqual([1, 2]);
    // Writing reads what came before: Ben, who answered, has nothing unread; Ann has his answer.
    const unread = async (m: { cookie: string }) =>
      (await api<{ conversations: { id: string; unread: number }[] }>("/api/messages", as(m.cookie))).body.conversations.find(
        (c) => c.id === cid,
      )?.unread;
    expect([await unread(ann), await unread(ben)]).toEqual([1, 0]);
    for (const d of [annLaptop, annPhone, benLaptop, benPhone]) d.socket.close();
  });

  it("refused as the route refuses: bad input, a guest, someone else's conversation, a block, a reply to nothing", async () => {
    const { ann, ben, cid } = await pair();
    const eve = await signedInMember();
    const [annD, eveD, guest] = [await device(ann, "ann"), await device(eve, "eve"), await device(null, "guest")];
    expect(refusal(await annD.send({ conversationId: cid, clientId: "not-a-uuid", body: "x" }))).toMatchObject({
      code: "VALIDATION_FAILED",
      status: 400,
    });
    expect(refusal(await annD.send({ conversationId: cid, clientId: uuid7(), body: "   " }))).toMatchObject({
      code: "VALIDATION_FAILED",
      message: "A message cannot be empty",
    });
    expect(refusal(await annD.send({ conversationId: cid, clientId: uuid7(), body: "x".repeat(20_000) }))).toMatchObject({ status: 400 });
    expect(refusal(await annD.send(null as unknown as SocketSend))).toMatchObject({ code: "VALIDATION_FAILED" });
    expect(refusal(await annD.send({ conversationId: cid, clientId: uuid7(), body: "re", replyToSeq: 9 }))).toMatchObject({
      code: "VALIDATION_FAILED",
      message: "A reply must be to an earlier message",
    });
    expect(refusal(await guest.send({ conversationId: cid, clientId: uuid7(), body: "hello" }))).toMatchObject({
      code: "UNAUTHENTICATED",
      status: 401,
    });
    // Eve cannot write into Ann and Ben's conversation, nor tell it from one that does not exist.
    const evesTry = refusal(await eveD.send({ conversationId: cid, clientId: uuid7(), body: "let me in" }));
    expect(evesTry).toMatchObject({ code: "NOT_FOUND", status: 404 });
    expect(refusal(await eveD.send({ conversationId: "c0nvers4tion0that0does0not0exist", clientId: uuid7(), body: "x" }))).toEqual(evesTry);
    // Ann's id for a message in another conversation cannot be reused here.
    const annEve = (await api<{ conversationId: string }>("/api/messages", as(ann.cookie, { method: "POST", json: { to: eve.id } }))).body
      .conversationId;
    const used = uuid7();
    stored(await annD.send({ conversationId: annEve, clientId: used, body: "to Eve" }));
    expect(refusal(await annD.send({ conversationId: cid, clientId: used, body: "to Ben" }))).toMatchObject({
      code: "CONFLICT",
      status: 409,
    });
    // Ben blocks Ann: her messages are refused.
    expect((await api(`/api/messages/${cid}/answer`, as(ben.cookie, { method: "POST", json: { answer: "block" } }))).status).toBe(200);
    expect(refusal(await annD.send({ conversationId: cid, clientId: uuid7(), body: "still there?" }))).toMatchObject({
      code: "FORBIDDEN",
      status: 403,
    });
    const sync = await api<{ messages: WireMessage[] }>("/api/messages/sync", as(ben.cookie, { method: "POST", json: { cursors: {} } }));
    expect(sync.body.messages.filter((m) => m.conversationId === cid)).toEqual([]);
    for (const d of [annD, eveD, guest]) d.socket.close();
  });

  it("60 messages a minute over the socket, then refused with when to try again", async () => {
    const { ann, ben, cid } = await pair();
    const annD = await device(ann, "ann");
    const acks = await Promise.all(
      Array.from({ length: 61 }, (_, i) => annD.send({ conversationId: cid, clientId: uuid7(), body: `flood ${i}` })),
    );
    expect(acks.filter((a) => "message" in a)).toHaveLength(60);
    expect(acks.map(refusal).find((e) => e)).toMatchObject({ code: "RATE_LIMITED", status: 429, retryAfterSeconds: expect.any(Number) });
    const sync = await api<{ messages: WireMessage[] }>("/api/messages/sync", as(ben.cookie, { method: "POST", json: { cursors: {} } }));
    expect(sync.body.messages.filter((m) => m.conversationId === cid).map((m) => m.seq)).toEqual(
      Array.from({ length: 60 }, (_, i) => i + 1),
    );
    annD.socket.close();
  });

  it("both ways at once, each message sent twice: over sockets and the route together, one gap-free sequence, each message once", async () => {
    const { ann, ben, cid } = await pair();
    const [annD, benD] = [await device(ann, "ann"), await device(ben, "ben")];
    const sends: Promise<unknown>[] = [];
    const ids: string[] = [];
    for (let i = 0; i < 24; i++) {
      const [who, d] = i % 2 ? [ben, benD] : [ann, annD];
      const clientId = uuid7();
      ids.push(clientId);
      const body = `both ways ${i}`;
      sends.push(d.send({ conversationId: cid, clientId, body }));
      sends.push(api(`/api/messages/${cid}`, as(who.cookie, { method: "POST", json: { clientId, body } })));
    }
    await Promise.all(sends);
    const sync = await api<{ messages: WireMessage[] }>("/api/messages/sync", as(ben.cookie, { method: "POST", json: { cursors: {} } }));
    const here = sync.body.messages.filter((m) => m.conversationId === cid);
    expect(here.map((m) => m.seq)).toEqual(Array.from({ length: 24 }, (_, i) => i + 1));
    expect(new Set(here.map((m) => m.clientId))).toEqual(new Set(ids));
    for (const d of [annD, benD]) d.socket.close();
  });
});
