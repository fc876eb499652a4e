import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, disconnectDb } from "../../lib/db/client";
import { DomainError } from "../../lib/errors";
import { markRead } from "../../lib/messages/mark-read";
import { messagesAfter } from "../../lib/messages/messages-after";
import { openDirect } from "../../lib/messages/open-direct";
import { searchMessages } from "../../lib/messages/search-messages";
import { sendMessage } from "../../lib/messages/send-message";
import { uuid7 } from "../../lib/messages/uuid7";
import { useStackDatabase } from "../support/http";
import { createMember } from "../support/members";

beforeAll(() => useStackDatabase());
afterAll(() => disconnectDb());

const code = (p: Promise<unknown>) =>
  p.then(
    () => "ok",
    (e: unknown) => (e instanceof DomainError ? e.code : String(e)),
  );

describe("messages in the database", () => {
  it("one direct conversation per pair, also when both open it at once", async () => {
    const client = await db();
    const [a, b] = [await createMember("ms1", "Ann"), await createMember("ms1", "Ben")];
    const opened = await Promise.all([
      openDirect({ db: client, memberId: a, otherId: b }),
      openDirect({ db: client, memberId: b, otherId: a }),
    ]);
    expect(opened[0].conversationId).toBe(opened[1].conversationId);
    expect(await client.conversationMember.count({ where: { conversationId: opened[0].conversationId } })).toBe(2);
    expect(await code(openDirect({ db: client, memberId: a, otherId: a }))).toBe("BAD_REQUEST");
    expect(await code(openDirect({ db: client, memberId: a, otherId: "nobody" }))).toBe("NOT_FOUND");
  });

  it("concurrent senders, every message sent twice at once: gap-free sequences, each message stored once", async () => {
    const client = await db();
    const [a, b, c] = [await createMember("ms2", "Ann"), await createMember("ms2", "Ben"), await createMember("ms2", "Cy")];
    const { conversationId } = await openDirect({ db: client, memberId: a, otherId: b });
    const ids = Array.from({ length: 40 }, () => uuid7());
    const send = (i: number) =>
      sendMessage({ db: client, senderId: i % 2 ? a : b, conversationId, input: { clientId: ids[i]!, body: `message ${i}` } });
    // Each message twice, the two tries racing: one stores it, the other gets the stored one back.
    const results = await Promise.all(ids.flatMap((_, i) => [send(i), send(i)]));
    const stored = await client.conversationMessage.findMany({ where: { conversationId }, orderBy: { seq: "asc" } });
    expect(stored.map((m) => m.seq)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    expect(new Set(stored.map((m) => m.clientId)).size).toBe(40);
    expect(results.filter((r) => r.created)).toHaveLength(40);
    for (let i = 0; i < 40; i++) expect(results[2 * i]!.message.seq).toBe(results[2 * i + 1]!.message.seq);
    expect((await client.conversation.findUniqueOrThrow({ where: { id: conversationId } })).lastSeq).toBe(40);

    // A later retry, long after, is still the same message.
    const late = await send(7);
    expect(late).toMatchObject({ created: false, message: { clientId: ids[7], seq: results[14]!.message.seq } });
    // Refusals use no sequence number.
    expect(await code(sendMessage({ db: client, senderId: c, conversationId, input: { clientId: uuid7(), body: "let me in" } }))).toBe(
      "NOT_FOUND",
    );
    expect(
      await code(sendMessage({ db: client, senderId: a, conversationId, input: { clientId: uuid7(), body: "re", replyToSeq: 41 } })),
    ).toBe("VALIDATION_FAILED");
    const other = await openDirect({ db: client, memberId: a, otherId: c });
    expect(
      await code(sendMessage({ db: client, senderId: a, conversationId: other.conversationId, input: { clientId: ids[1]!, body: "x" } })),
    ).toBe("CONFLICT");
    const next = await sendMessage({ db: client, senderId: a, conversationId, input: { clientId: uuid7(), body: "re", replyToSeq: 40 } });
    expect(next.message.seq).toBe(41);
  });

  it("refusals among sends at once (written together on SQLite) fail alone and use no sequence number", async () => {
    const client = await db();
    const [a, b, c] = [await createMember("ms7", "Ann"), await createMember("ms7", "Ben"), await createMember("ms7", "Cy")];
    const { conversationId } = await openDirect({ db: client, memberId: a, otherId: b });
    const outcomes = await Promise.allSettled(
      Array.from({ length: 30 }, (_, i) =>
        sendMessage({
          db: client,
          senderId: i % 3 === 1 ? c : a,
          conversationId,
          input: { clientId: uuid7(), body: `m${i}`, ...(i % 3 === 2 ? { replyToSeq: 1000 } : {}) },
        }),
      ),
    );
    const codes = await Promise.all(outcomes.map((o) => (o.status === "fulfilled" ? "ok" : code(Promise.reject(o.reason)))));
    expect(codes).toEqual(Array.from({ length: 30 }, (_, i) => ["ok", "NOT_FOUND", "VALIDATION_FAILED"][i % 3]));
    const stored = await client.conversationMessage.findMany({ where: { conversationId }, orderBy: { seq: "asc" } });
    // Sends at once have no order among themselves (on SQLite they keep the order they came in).
    expect(stored.map((m) => m.seq)).toEqual(Array.from({ length: 10 }, (_, k) => k + 1));
    expect(stored.map((m) => m.body).sort()).toEqual(Array.from({ length: 10 }, (_, k) => `m${3 * k}`).sort());
    // Times follow sequences, and the conversation's last message time is the last one's.
    expect(stored.every((m, k) => k === 0 || m.createdAt >= stored[k - 1]!.createdAt)).toBe(true);
    const conv = await client.conversation.findUniqueOrThrow({ where: { id: conversationId } });
    expect(conv).toMatchObject({ lastSeq: 10, lastMessageAt: stored[9]!.createdAt });
    // The sender's own markers are at her last message; Ben's unread are all ten.
    const marks = await client.conversationMember.findMany({ where: { conversationId }, orderBy: { memberId: "asc" } });
    expect(Object.fromEntries(marks.map((m) => [m.memberId, m.readSeq]))).toEqual({ [a]: 10, [b]: 0 });
  });

  it("a text sent while a transaction of this process holds the database between two statements waits for it; both are stored", async () => {
    const client = await db();
    const [a, b] = [await createMember("ms8", "Ann"), await createMember("ms8", "Ben")];
    const { conversationId } = await openDirect({ db: client, memberId: a, otherId: b });
    // Found in review: on SQLite the batch writer's own connection once waited for the lock inside
    // SQLite, stopping the event loop the open transaction needed to finish ("database is locked").
    const held = client.$transaction(async (tx) => {
      await tx.conversation.update({ where: { id: conversationId }, data: { title: "held" } });
      await new Promise((r) => setTimeout(r, 50));
      await tx.conversation.update({ where: { id: conversationId }, data: { title: "" } });
    });
    await new Promise((r) => setTimeout(r, 10));
    const sent = sendMessage({ db: client, senderId: a, conversationId, input: { clientId: uuid7(), body: "while held" } });
    const [t, m] = await Promise.allSettled([held, sent]);
    expect([t.status, m.status]).toEqual(["fulfilled", "fulfilled"]);
    expect((await client.conversationMessage.findMany({ where: { conversationId } })).map((x) => x.body)).toEqual(["while held"]);
  });

  it("catch-up from any cursor, however far behind, in pages: in order, nothing twice, nothing missing", async () => {
    const client = await db();
    const [a, b, c] = [await createMember("ms3", "Ann"), await createMember("ms3", "Ben"), await createMember("ms3", "Cy")];
    const ab = (await openDirect({ db: client, memberId: a, otherId: b })).conversationId;
    const ac = (await openDirect({ db: client, memberId: a, otherId: c })).conversationId;
    for (let i = 0; i < 25; i++)
      await sendMessage({ db: client, senderId: b, conversationId: ab, input: { clientId: uuid7(), body: `b${i}` } });
    for (let i = 0; i < 10; i++)
      await sendMessage({ db: client, senderId: c, conversationId: ac, input: { clientId: uuid7(), body: `c${i}` } });

    // A device that knows AB up to 5 and nothing of AC, reading pages of 7.
    const cursors: Record<string, number> = { [ab]: 5 };
    const got: { conversationId: string; seq: number }[] = [];
    for (let pages = 0; pages < 10; pages++) {
      const page = await messagesAfter({ db: client, memberId: a, cursors, limit: 7 });
      for (const m of page.messages) {
        expect(m.seq).toBe((cursors[m.conversationId] ?? 0) + 1);
        cursors[m.conversationId] = m.seq;
        got.push(m);
      }
      if (!page.more) break;
    }
    expect(got.filter((m) => m.conversationId === ab).map((m) => m.seq)).toEqual(Array.from({ length: 20 }, (_, i) => i + 6));
    expect(got.filter((m) => m.conversationId === ac).map((m) => m.seq)).toEqual(Array.from({ length: 10 }, (_, i) => i + 1));
    // Up to date: nothing more. And B's device never gets A and C's conversation, whatever it asks.
    expect(await messagesAfter({ db: client, memberId: a, cursors })).toEqual({ messages: [], more: false });
    expect((await messagesAfter({ db: client, memberId: b, cursors: { [ac]: 0 } })).messages.every((m) => m.conversationId === ab)).toBe(
      true,
    );
  });

  it("read markers move forward only, never past the last message, and only the member's own", async () => {
    const client = await db();
    const [a, b, c] = [await createMember("ms4", "Ann"), await createMember("ms4", "Ben"), await createMember("ms4", "Cy")];
    const ab = (await openDirect({ db: client, memberId: a, otherId: b })).conversationId;
    for (let i = 0; i < 5; i++)
      await sendMessage({ db: client, senderId: a, conversationId: ab, input: { clientId: uuid7(), body: `a${i}` } });
    expect(await markRead({ db: client, memberId: b, conversationId: ab, seq: 3 })).toMatchObject({ readSeq: 3, moved: true });
    expect(await markRead({ db: client, memberId: b, conversationId: ab, seq: 2 })).toMatchObject({ readSeq: 3, moved: false });
    expect(await markRead({ db: client, memberId: b, conversationId: ab, seq: 99 })).toMatchObject({ readSeq: 5, moved: true });
    expect(await markRead({ db: client, memberId: b, conversationId: ab, seq: 99 })).toMatchObject({ readSeq: 5, moved: false });
    // The sender has read what they wrote.
    expect(
      (await client.conversationMember.findUniqueOrThrow({ where: { conversationId_memberId: { conversationId: ab, memberId: a } } }))
        .readSeq,
    ).toBe(5);
    expect(await code(markRead({ db: client, memberId: c, conversationId: ab, seq: 1 }))).toBe("NOT_FOUND");
  });

  it("blocked either way: no conversation", async () => {
    const client = await db();
    const [a, b] = [await createMember("ms5", "Ann"), await createMember("ms5", "Ben")];
    await client.block.create({ data: { blockerId: b, blockedId: a } });
    expect(await code(openDirect({ db: client, memberId: a, otherId: b }))).toBe("FORBIDDEN");
    expect(await code(openDirect({ db: client, memberId: b, otherId: a }))).toBe("FORBIDDEN");
  });

  it("search: every word, the last as a prefix, newest first, only the member's conversations, never deleted messages", async () => {
    const client = await db();
    const [a, b, c] = [await createMember("ms6", "Ann"), await createMember("ms6", "Ben"), await createMember("ms6", "Cy")];
    const ab = (await openDirect({ db: client, memberId: a, otherId: b })).conversationId;
    const bc = (await openDirect({ db: client, memberId: b, otherId: c })).conversationId;
    const say = async (from: string, cid: string, body: string) =>
      (await sendMessage({ db: client, senderId: from, conversationId: cid, input: { clientId: uuid7(), body } })).message;
    const word = `zebra${Date.now().toString(36)}`;
    const first = await say(a, ab, `the ${word} crossing at noon`);
    const second = await say(b, ab, `a ${word} crossing again, at dusk`);
    await say(b, ab, "nothing to see here");
    await say(c, bc, `${word} crossing between Ben and Cy`);
    const gone = await say(b, ab, `${word} crossing, deleted`);
    await client.conversationMessage.update({ where: { id: gone.id }, data: { deletedAt: new Date() } });

    const ids = async (member: string, q: string) => (await searchMessages({ db: client, memberId: member, query: q })).map((m) => m.id);
    expect(await ids(a, `${word} crossing`)).toEqual([second.id, first.id]);
    // The last word is a prefix; every word must be there.
    expect(await ids(a, `${word} cross`)).toEqual([second.id, first.id]);
    expect(await ids(a, `${word} dusk`)).toEqual([second.id]);
    expect(await ids(a, `${word} midnight`)).toEqual([]);
    // Ann does not find Ben and Cy's message; Ben finds all three of his.
    expect(await ids(b, `${word} crossing`)).toHaveLength(3);
    // Query syntax is only words.
    expect(await ids(a, `"${word}" OR *`)).toEqual([]);
    expect(await ids(a, `${word} NEAR(`)).toEqual([]);
    expect(await code(searchMessages({ db: client, memberId: a, query: '" * ( )' }))).toBe("VALIDATION_FAILED");
  });
});
