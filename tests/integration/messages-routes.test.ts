import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { disconnectDb } from "../../lib/db/client";
import type { MemberEvent } from "../../lib/presence/events";
import type { WireMessage } from "../../lib/messages/schemas";
import { uuid7 } from "../../lib/messages/uuid7";
import { api, signedInMember, useStackDatabase } from "../support/http";
import { createMember } from "../support/members";
import { connectClient, type TestClient, until, waitConnected } from "../support/presence";

/** Messages through the portal's routes, delivered live by the stack's presence server to real Socket.IO clients. */
beforeAll(() => useStackDatabase());
afterAll(() => disconnectDb());

const as = (cookie: string, init: Record<string, unknown> = {}) => ({ ...init, headers: { cookie } });

/** A device: a ticket from the portal, a connection, and every event it is sent. */
async function device(m: { cookie: string }, name: string) {
  const t = await api<{ ticket: string; url: string }>("/api/presence/ticket", as(m.cookie, { method: "POST" }));
  const socket: TestClient = connectClient(t.body.url, { ticket: t.body.ticket, deviceId: name });
  const events: MemberEvent[] = [];
  socket.on("event", (e: MemberEvent) => events.push(e));
  await waitConnected(socket);
  return { socket, events, of: <K extends MemberEvent["type"]>(type: K) => events.filter((e) => e.type === type) };
}

describe("messages through the routes", () => {
  it("send, retry, deliver to every device of both members, catch up, read on one device clears the other", async () => {
    const [ann, ben] = [await signedInMember(), await signedInMember()];
    // Contacts, so that Ben's reading is a receipt Ann gets (a stranger's request read tells nothing).
    await api("/api/contacts", as(ann.cookie, { method: "POST", json: { to: ben.handle } }));
    await api(`/api/contacts/${ann.id}`, as(ben.cookie, { method: "POST", json: { action: "accept" } }));
    const open = await api<{ conversationId: string }>("/api/messages", as(ann.cookie, { method: "POST", json: { to: ben.id } }));
    expect(open.status).toBe(200);
    const cid = open.body.conversationId;
    const [ann2, ben1, ben2] = [await device(ann, "ann-phone"), await device(ben, "ben-laptop"), await device(ben, "ben-phone")];

    const clientId = uuid7();
    const first = await api<{ message: WireMessage }>(
      `/api/messages/${cid}`,
      as(ann.cookie, { method: "POST", json: { clientId, body: "Hello Ben" } }),
    );
    expect(first.status).toBe(201);
    expect(first.body.message).toMatchObject({ seq: 1, body: "Hello Ben", senderId: ann.id, clientId });
    // The same id again (a retry after a lost answer): the stored message, not a second one.
    const retry = await api<{ message: WireMessage }>(
      `/api/messages/${cid}`,
      as(ann.cookie, { method: "POST", json: { clientId, body: "Hello Ben" } }),
    );
    expect(retry.status).toBe(200);
    expect(retry.body.message.id).toBe(first.body.message.id);

    // Both of Ben's devices and Ann's other device get it once.
    for (const d of [ben1, ben2, ann2]) await until(() => d.of("message").length === 1, 5000, "the message on every device");
    await new Promise((r) => setTimeout(r, 300));
    for (const d of [ben1, ben2, ann2]) expect(d.of("message").map((e) => (e.data as WireMessage).seq)).toEqual([1]);

    // Ben's list shows one unread; reading on the laptop clears it on the phone too (the event), and Ann gets the receipt.
    const list = await api<{ conversations: { id: string; unread: number; others: { id: string }[] }[] }>("/api/messages", as(ben.cookie));
    expect(list.body.conversations).toEqual([
      expect.objectContaining({ id: cid, unread: 1, others: [expect.objectContaining({ id: ann.id })] }),
    ]);
    const read = await api(`/api/messages/${cid}/read`, as(ben.cookie, { method: "POST", json: { seq: 1 } }));
    expect(read.body).toEqual({ readSeq: 1, deliveredSeq: 1 });
    await until(() => ben2.of("read").length === 1 && ann2.of("read").length === 1, 5000, "the read marker on the other devices");
    expect(ben2.of("read")[0]!.data).toEqual({ conversationId: cid, memberId: ben.id, readSeq: 1, deliveredSeq: 1 });
    expect((await api<{ conversations: { unread: number }[] }>("/api/messages", as(ben.cookie))).body.conversations[0]!.unread).toBe(0);

    // A device away for the next ten messages catches up from its cursor, in order.
    ben2.socket.close();
    for (let i = 0; i < 10; i++)
      expect(
        (await api(`/api/messages/${cid}`, as(ann.cookie, { method: "POST", json: { clientId: uuid7(), body: `m${i}` } }))).status,
      ).toBe(201);
    const sync = await api<{ messages: WireMessage[]; more: boolean }>(
      "/api/messages/sync",
      as(ben.cookie, { method: "POST", json: { cursors: { [cid]: 1 } } }),
    );
    expect(sync.body.more).toBe(false);
    expect(sync.body.messages.map((m) => m.seq)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    // History scrolls back in pages, oldest first.
    const page = await api<{ messages: WireMessage[]; more: boolean }>(`/api/messages/${cid}?before=11`, as(ben.cookie));
    expect(page.body.messages.map((m) => m.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    for (const d of [ann2, ben1]) d.socket.close();
  });

  it("strangers and bad input: 401 signed out, 404 for someone else's conversation, clear 400s", async () => {
    const [ann, ben, eve] = [await signedInMember(), await signedInMember(), await signedInMember()];
    const cid = (await api<{ conversationId: string }>("/api/messages", as(ann.cookie, { method: "POST", json: { to: ben.id } }))).body
      .conversationId;
    expect((await api("/api/messages")).status).toBe(401);
    expect((await api(`/api/messages/${cid}`, { method: "POST", json: { clientId: uuid7(), body: "x" } })).status).toBe(401);
    const word = `heron${Date.now().toString(36)}`;
    await api(`/api/messages/${cid}`, as(ann.cookie, { method: "POST", json: { clientId: uuid7(), body: `a ${word} by the river` } }));
    // Eve, with a message there to find, reads nothing of it, cannot write into it, and cannot tell it from one that does not exist.
    const evesLook = await api(`/api/messages/${cid}`, as(eve.cookie));
    expect(evesLook.status).toBe(404);
    expect(evesLook.body).toEqual((await api("/api/messages/c0nvers4tion0that0does0not0exist", as(eve.cookie))).body);
    expect((await api(`/api/messages/${cid}?before=5`, as(eve.cookie))).status).toBe(404);
    expect((await api(`/api/messages/${cid}`, as(eve.cookie, { method: "POST", json: { clientId: uuid7(), body: "hi" } }))).status).toBe(
      404,
    );
    expect((await api(`/api/messages/${cid}/read`, as(eve.cookie, { method: "POST", json: { seq: 1 } }))).status).toBe(404);
    expect((await api(`/api/messages/${cid}/answer`, as(eve.cookie, { method: "POST", json: { answer: "accept" } }))).status).toBe(404);
    type Found = { results: WireMessage[] };
    const sync = (m: { cookie: string }) =>
      api<{ messages: WireMessage[] }>("/api/messages/sync", as(m.cookie, { method: "POST", json: { cursors: { [cid]: 0 } } }));
    expect((await sync(ben)).body.messages.map((m) => m.body)).toEqual([`a ${word} by the river`]);
    expect((await sync(eve)).body.messages).toEqual([]);
    // Search: members only, and only their own conversations.
    expect((await api(`/api/messages/search?q=${word}`)).status).toBe(401);
    expect((await api<Found>(`/api/messages/search?q=${word}`, as(ben.cookie))).body.results.map((m) => m.body)).toEqual([
      `a ${word} by the river`,
    ]);
    expect((await api<Found>(`/api/messages/search?q=${word}`, as(eve.cookie))).body.results).toEqual([]);
    expect((await api(`/api/messages/search?q=%20`, as(eve.cookie))).status).toBe(400);
    // Bad input is named.
    const notUuid = await api<{ error: { code: string; message: string } }>(
      `/api/messages/${cid}`,
      as(ann.cookie, { method: "POST", json: { clientId: "1", body: "x" } }),
    );
    expect(notUuid.status).toBe(400);
    expect(notUuid.body.error.message).toMatch(/UUIDv7/);
    expect((await api(`/api/messages/${cid}`, as(ann.cookie, { method: "POST", json: { clientId: uuid7(), body: "   " } }))).status).toBe(
      400,
    );
    expect(
      (await api(`/api/messages/${cid}`, as(ann.cookie, { method: "POST", json: { clientId: uuid7(), body: "x".repeat(4001) } }))).status,
    ).toBe(400);
    expect((await api("/api/messages", as(ann.cookie, { method: "POST", json: { to: ann.id } }))).status).toBe(400);
    // A sequence number past 32 bits (the bad-input sweep's find: PostgreSQL refused it with a 500) is a 400 everywhere.
    const huge = 200010000001;
    for (const [path, init] of [
      [`/api/messages/${cid}/${huge}/file`, {}],
      [`/api/messages/${cid}/${huge}`, { method: "PATCH", json: { body: "x" } }],
      [`/api/messages/${cid}?before=${huge}`, {}],
      [`/api/messages/${cid}/read`, { method: "POST", json: { seq: huge } }],
      [`/api/messages/${cid}`, { method: "POST", json: { clientId: uuid7(), body: "x", replyToSeq: huge } }],
      ["/api/messages/sync", { method: "POST", json: { cursors: { [cid]: huge } } }],
    ] as const)
      expect((await api(path, as(ann.cookie, init))).status, path).toBe(400);
  });

  it("strangers land under Requests: a reply accepts, decline hides and silences, block refuses them", async () => {
    const [ann, ben, sam, tom] = [await signedInMember(), await signedInMember(), await signedInMember(), await signedInMember()];
    type List = { conversations: { id: string; state: string; others: { id: string }[] }[] };
    const list = async (m: { cookie: string }) => (await api<List>("/api/messages", as(m.cookie))).body.conversations;
    const write = (m: { cookie: string }, cid: string, body: string) =>
      api(`/api/messages/${cid}`, as(m.cookie, { method: "POST", json: { clientId: uuid7(), body } }));
    const open = async (from: { cookie: string }, to: { id: string }) =>
      (await api<{ conversationId: string }>("/api/messages", as(from.cookie, { method: "POST", json: { to: to.id } }))).body
        .conversationId;

    // Ann and Ben are contacts: Ben's conversation with Ann is a plain one.
    await api("/api/contacts", as(ann.cookie, { method: "POST", json: { to: ben.handle } }));
    await api(`/api/contacts/${ann.id}`, as(ben.cookie, { method: "POST", json: { action: "accept" } }));
    const ab = await open(ann, ben);
    await write(ann, ab, "hi Ben");
    expect((await list(ben)).find((c) => c.id === ab)?.state).toBe("accepted");

    // Sam is a stranger to Ben: a request, until Ben answers by writing back.
    const sb = await open(sam, ben);
    await write(sam, sb, "hello, we met at the fair");
    expect((await list(ben)).find((c) => c.id === sb)?.state).toBe("request");
    expect((await list(sam)).find((c) => c.id === sb)?.state).toBe("accepted");
    expect((await write(ben, sb, "oh hi")).status).toBe(201);
    expect((await list(ben)).find((c) => c.id === sb)?.state).toBe("accepted");

    // Reading a request tells the stranger nothing (a device that connects is sent the last two minutes' events: none is a receipt).
    const quiet = await open(tom, ann);
    await write(tom, quiet, "hi Ann, it's Tom");
    const annReads = await api<{ readSeq: number }>(`/api/messages/${quiet}/read`, as(ann.cookie, { method: "POST", json: { seq: 1 } }));
    expect(annReads.body).toEqual({ readSeq: 1, deliveredSeq: 1 });
    const tomPhone = await device(tom, "tom-phone");
    await write(ann, ab, "after reading Tom");
    await new Promise((r) => setTimeout(r, 500));
    expect(tomPhone.of("read").filter((e) => (e.data as { conversationId: string }).conversationId === quiet)).toEqual([]);
    tomPhone.socket.close();

    // Tom too; Ben declines: gone from his list, and his devices hear nothing of Tom's next message.
    const tb = await open(tom, ben);
    await write(tom, tb, "buy my stuff");
    const benPhone = await device(ben, "ben-phone");
    expect((await api(`/api/messages/${tb}/answer`, as(ben.cookie, { method: "POST", json: { answer: "decline" } }))).body).toEqual({
      state: "declined",
    });
    expect((await list(ben)).some((c) => c.id === tb)).toBe(false);
    const benSync = await api<{ messages: WireMessage[] }>("/api/messages/sync", as(ben.cookie, { method: "POST", json: { cursors: {} } }));
    expect(benSync.body.messages.some((m) => m.conversationId === tb)).toBe(false);
    expect(benSync.body.messages.some((m) => m.conversationId === ab)).toBe(true);
    expect((await api(`/api/messages/${tb}`, as(ben.cookie))).status).toBe(404);
    expect((await write(tom, tb, "still there?")).status).toBe(201);
    await write(ann, ab, "a marker after Tom's");
    // (A device that connects without a last event id is sent the last two minutes' events too.)
    const seen = () => benPhone.of("message").map((e) => e.data as WireMessage);
    await until(() => seen().some((m) => m.conversationId === ab && m.seq === 2), 5000, "Ann's later message on Ben's phone");
    expect(seen().filter((m) => m.conversationId === tb && m.seq === 2)).toEqual([]);
    // Then blocks him: Tom can no longer write or start again; Eve-style outsiders cannot answer for Ben.
    expect((await api(`/api/messages/${tb}/answer`, as(sam.cookie, { method: "POST", json: { answer: "block" } }))).status).toBe(404);
    expect((await api(`/api/messages/${tb}/answer`, as(ben.cookie, { method: "POST", json: { answer: "block" } }))).status).toBe(200);
    expect((await write(tom, tb, "hello?")).status).toBe(403);
    expect((await write(ben, tb, "and you cannot answer")).status).toBe(403);
    expect((await api("/api/messages", as(tom.cookie, { method: "POST", json: { to: ben.id } }))).status).toBe(403);
    expect((await api(`/api/messages/${tb}/answer`, as(ben.cookie, { method: "POST", json: { answer: "maybe" } }))).status).toBe(400);
    benPhone.socket.close();
  });

  it("limits per member: 60 messages a minute, 30 new conversations an hour (reopening one is free)", async () => {
    const [ann, ben] = [await signedInMember(), await signedInMember()];
    const cid = (await api<{ conversationId: string }>("/api/messages", as(ann.cookie, { method: "POST", json: { to: ben.id } }))).body
      .conversationId;
    const statuses: number[] = [];
    for (let i = 0; i < 61; i++)
      statuses.push(
        (await api(`/api/messages/${cid}`, as(ann.cookie, { method: "POST", json: { clientId: uuid7(), body: `flood ${i}` } }))).status,
      );
    expect(statuses.slice(0, 60).every((s) => s === 201)).toBe(true);
    const limited = await api<{ error: { code: string; retryAfterSeconds: number } }>(
      `/api/messages/${cid}`,
      as(ann.cookie, { method: "POST", json: { clientId: uuid7(), body: "one more" } }),
    );
    expect(limited.status).toBe(429);
    expect(limited.body.error).toMatchObject({ code: "RATE_LIMITED", retryAfterSeconds: expect.any(Number) });
    // Refused before storing: Ben has the 60, no more.
    const sync = await api<{ messages: WireMessage[] }>("/api/messages/sync", as(ben.cookie, { method: "POST", json: { cursors: {} } }));
    expect(sync.body.messages.filter((m) => m.conversationId === cid)).toHaveLength(60);

    const tom = await signedInMember();
    const strangers = await Promise.all(Array.from({ length: 31 }, () => createMember("mlimit", "Stranger")));
    const opens: number[] = [];
    for (const id of strangers) opens.push((await api("/api/messages", as(tom.cookie, { method: "POST", json: { to: id } }))).status);
    expect(opens.slice(0, 30).every((s) => s === 200)).toBe(true);
    expect(opens[30]).toBe(429);
    // Opening a conversation that exists costs nothing.
    expect((await api("/api/messages", as(tom.cookie, { method: "POST", json: { to: strangers[0] } }))).status).toBe(200);
  });

  it("edit, delete, typing and files through the routes: every device told, outsiders and others' messages refused, bad uploads explained", async () => {
    const [ann, ben, eve] = [await signedInMember(), await signedInMember(), await signedInMember()];
    await api("/api/contacts", as(ann.cookie, { method: "POST", json: { to: ben.handle } }));
    await api(`/api/contacts/${ann.id}`, as(ben.cookie, { method: "POST", json: { action: "accept" } }));
    const cid = (await api<{ conversationId: string }>("/api/messages", as(ann.cookie, { method: "POST", json: { to: ben.id } }))).body
      .conversationId;
    const ben1 = await device(ben, "ben-laptop");
    const eve1 = await device(eve, "eve-laptop");
    const sent = await api<{ message: WireMessage }>(
      `/api/messages/${cid}`,
      as(ann.cookie, { method: "POST", json: { clientId: uuid7(), body: "draft" } }),
    );

    // Typing reaches Ben's device, not Eve's; Eve cannot say she types here.
    expect((await api(`/api/messages/${cid}/typing`, as(ann.cookie, { method: "POST" }))).status).toBe(200);
    await until(() => ben1.of("typing").length === 1, 5000, "the typing notice");
    expect(ben1.of("typing")[0]!.data).toEqual({ conversationId: cid, memberId: ann.id });
    expect((await api(`/api/messages/${cid}/typing`, as(eve.cookie, { method: "POST" }))).status).toBe(404);

    // Ann edits (Ben's device gets the edit as an entry); Ben cannot edit or delete Ann's message; Eve cannot see it at all.
    const edit = await api<{ message: WireMessage }>(
      `/api/messages/${cid}/${sent.body.message.seq}`,
      as(ann.cookie, { method: "PATCH", json: { clientId: uuid7(), body: "final" } }),
    );
    expect(edit.status).toBe(201);
    expect(edit.body.message).toMatchObject({ kind: "edit", targetSeq: sent.body.message.seq, body: "final" });
    await until(() => ben1.of("message").some((e) => (e.data as WireMessage).kind === "edit"), 5000, "the edit on Ben's device");
    const byBen = await api<{ error: { code: string } }>(
      `/api/messages/${cid}/${sent.body.message.seq}`,
      as(ben.cookie, { method: "PATCH", json: { clientId: uuid7(), body: "hacked" } }),
    );
    expect([byBen.status, byBen.body.error.code]).toEqual([403, "FORBIDDEN"]);
    const byEve = await api(
      `/api/messages/${cid}/${sent.body.message.seq}`,
      as(eve.cookie, { method: "DELETE", json: { clientId: uuid7() } }),
    );
    expect(byEve.status).toBe(404);
    expect(
      (await api(`/api/messages/${cid}/abc`, as(ann.cookie, { method: "PATCH", json: { clientId: uuid7(), body: "x" } }))).status,
    ).toBe(400);

    // Files: multipart only; a missing file or a bad id explained; a stranger to the conversation refused before anything is stored.
    const form = () => {
      const f = new FormData();
      f.set("file", new Blob(["hello, plain text"]), "note.txt");
      f.set("clientId", uuid7());
      return f;
    };
    const notMultipart = await api<{ error: { code: string } }>(`/api/messages/${cid}/files`, as(ann.cookie, { method: "POST", json: {} }));
    expect([notMultipart.status, notMultipart.body.error.code]).toEqual([415, "UNSUPPORTED_MEDIA_TYPE"]);
    const noFile = new FormData();
    noFile.set("clientId", uuid7());
    expect((await api(`/api/messages/${cid}/files`, as(ann.cookie, { method: "POST", body: noFile }))).status).toBe(400);
    const badId = form();
    badId.set("clientId", "not-a-uuid");
    expect((await api(`/api/messages/${cid}/files`, as(ann.cookie, { method: "POST", body: badId }))).status).toBe(400);
    expect((await api(`/api/messages/${cid}/files`, as(eve.cookie, { method: "POST", body: form() }))).status).toBe(404);
    const file = await api<{ message: WireMessage }>(`/api/messages/${cid}/files`, as(ann.cookie, { method: "POST", body: form() }));
    expect(file.status).toBe(201);
    expect(file.body.message.file).toMatchObject({ name: "note.txt", type: "text/plain", thumb: false });
    // Served to Ben as a download, never as a page of ours; Eve gets nothing.
    const got = await fetch(`${inject("baseUrl")}/api/messages/${cid}/${file.body.message.seq}/file`, { headers: { cookie: ben.cookie } });
    expect(got.status).toBe(200);
    expect(got.headers.get("content-disposition")).toMatch(/^attachment;/);
    expect(got.headers.get("content-security-policy")).toMatch(/^default-src .none./);
    expect(await got.text()).toBe("hello, plain text");
    expect((await api(`/api/messages/${cid}/${file.body.message.seq}/file`, as(eve.cookie))).status).toBe(404);

    // Delete: every device told; the file is gone for everyone.
    const del = await api(
      `/api/messages/${cid}/${file.body.message.seq}`,
      as(ann.cookie, { method: "DELETE", json: { clientId: uuid7() } }),
    );
    expect(del.status).toBe(201);
    await until(() => ben1.of("message").some((e) => (e.data as WireMessage).kind === "delete"), 5000, "the delete on Ben's device");
    expect((await api(`/api/messages/${cid}/${file.body.message.seq}/file`, as(ben.cookie))).status).toBe(404);
    expect(eve1.events.filter((e) => e.type === "message" || e.type === "typing")).toEqual([]);
    for (const d of [ben1, eve1]) d.socket.close();
  });

  it("a stranger to a group cannot add people to it, leave it, or make one with people who are not their contacts; a forged digest link is refused", async () => {
    const [ann, ben, eve] = [await signedInMember(), await signedInMember(), await signedInMember()];
    await api("/api/contacts", as(ann.cookie, { method: "POST", json: { to: ben.handle } }));
    await api(`/api/contacts/${ann.id}`, as(ben.cookie, { method: "POST", json: { action: "accept" } }));
    const made = await api<{ conversationId: string }>(
      "/api/messages/groups",
      as(ann.cookie, { method: "POST", json: { title: "Crew", memberIds: [ben.id] } }),
    );
    expect(made.status).toBe(201);
    const cid = made.body.conversationId;
    const add = await api<{ error: { code: string } }>(
      `/api/messages/${cid}/members`,
      as(eve.cookie, { method: "POST", json: { memberIds: [eve.id] } }),
    );
    expect([add.status, add.body.error.code]).toEqual([404, "NOT_FOUND"]);
    expect((await api(`/api/messages/${cid}/members`, as(eve.cookie, { method: "DELETE" }))).status).toBe(404);
    // Eve drops Ann (not her contact) into a group of her own: refused.
    const spam = await api<{ error: { code: string } }>(
      "/api/messages/groups",
      as(eve.cookie, { method: "POST", json: { title: "Deals", memberIds: [ann.id] } }),
    );
    expect([spam.status, spam.body.error.code]).toEqual([403, "FORBIDDEN"]);
    expect((await api("/api/messages/groups", as(ann.cookie, { method: "POST", json: { title: "", memberIds: [ben.id] } }))).status).toBe(
      400,
    );
    // Turning someone else's digests off needs the link made for them.
    const forged = await api<{ error: { code: string } }>("/api/messages/digest/off", {
      method: "POST",
      json: { m: ann.id, t: "A".repeat(43) },
    });
    expect([forged.status, forged.body.error.code]).toEqual([403, "FORBIDDEN"]);
    expect((await api<{ on: boolean }>("/api/messages/digest", as(ann.cookie))).body).toEqual({ on: true });
  });
});
