import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, disconnectDb } from "../../lib/db/client";
import { DomainError } from "../../lib/errors";
import { deleteMessage, editMessage } from "../../lib/messages/change-message";
import { history } from "../../lib/messages/history";
import { listConversations } from "../../lib/messages/list-conversations";
import { markRead } from "../../lib/messages/mark-read";
import { messagesAfter } from "../../lib/messages/messages-after";
import { openDirect } from "../../lib/messages/open-direct";
import { searchMessages } from "../../lib/messages/search-messages";
import { messageFile, sendFile } from "../../lib/messages/send-file";
import { sendMessage } from "../../lib/messages/send-message";
import { emptyThread, mergeThread, shownMessages } from "../../lib/messages/thread";
import { unreadTotal } from "../../lib/messages/unread-total";
import { uuid7 } from "../../lib/messages/uuid7";
import { storage } from "../../lib/storage";
import { announceTyping } from "../../lib/messages/announce-typing";
import { useStackDatabase } from "../support/http";
import { createMember, recordingBus } from "../support/members";

beforeAll(() => useStackDatabase());

/** B accepts A's request (the answer's own path, with its notices, is covered through the stack in messages-routes). */
const accept = (client: Awaited<ReturnType<typeof db>>, conversationId: string, memberId: string) =>
  client.conversationMember.update({ where: { conversationId_memberId: { conversationId, memberId } }, data: { state: "accepted" } });
afterAll(() => disconnectDb());

const code = (p: Promise<unknown>) =>
  p.then(
    () => "ok",
    (e: unknown) => (e instanceof DomainError ? e.code : String(e)),
  );

async function pair(tag: string) {
  const client = await db();
  const [a, b] = [await createMember(tag, "Ann"), await createMember(tag, "Ben")];
  const { conversationId } = await openDirect({ db: client, memberId: a, otherId: b });
  const send = (senderId: string, body: string) =>
    sendMessage({ db: client, senderId, conversationId, input: { clientId: uuid7(), body } });
  return { client, a, b, conversationId, send };
}

describe("edits, deletes, files and markers", () => {
  it("an edit and a delete are entries with their own sequence: a device catching up applies them; search, counts and previews follow", async () => {
    const { client, a, b, conversationId, send } = await pair("mc1");
    await send(a, "meet at the harbour");
    await send(a, "bring the umbrella");
    // B's device holds the thread up to here.
    const held = mergeThread(emptyThread(), (await messagesAfter({ db: client, memberId: b, cursors: {} })).messages);
    expect(held.cursor).toBe(2);

    const editId = uuid7();
    const edit = await editMessage({
      db: client,
      senderId: a,
      conversationId,
      targetSeq: 1,
      clientId: editId,
      body: "meet at the station",
    });
    expect(edit).toMatchObject({ created: true, message: { seq: 3, kind: "edit", targetSeq: 1, body: "meet at the station" } });
    // The same edit again (a retry) is the same entry.
    expect(
      (await editMessage({ db: client, senderId: a, conversationId, targetSeq: 1, clientId: editId, body: "meet at the station" })).created,
    ).toBe(false);
    const del = await deleteMessage({ db: client, senderId: a, conversationId, targetSeq: 2, clientId: uuid7() });
    expect(del.message).toMatchObject({ seq: 4, kind: "delete", targetSeq: 2 });

    // Only the sender changes a message, only once deleted, and only text is edited.
    expect(await code(editMessage({ db: client, senderId: b, conversationId, targetSeq: 1, clientId: uuid7(), body: "x" }))).toBe(
      "FORBIDDEN",
    );
    expect(await code(editMessage({ db: client, senderId: a, conversationId, targetSeq: 2, clientId: uuid7(), body: "x" }))).toBe(
      "CONFLICT",
    );
    expect(await code(deleteMessage({ db: client, senderId: a, conversationId, targetSeq: 3, clientId: uuid7() }))).toBe("NOT_FOUND");
    // Refusals use no sequence.
    expect((await client.conversation.findUniqueOrThrow({ where: { id: conversationId } })).lastSeq).toBe(4);

    // B's device catches up after its cursor and shows the edited text and the deleted one.
    const after = await messagesAfter({ db: client, memberId: b, cursors: { [conversationId]: held.cursor } });
    const shown = shownMessages(mergeThread(held, after.messages));
    expect(shown.map((m) => [m.seq, m.body, !!m.editedAt, !!m.deletedAt])).toEqual([
      [1, "meet at the station", true, false],
      [2, "", false, true],
    ]);
    // A device loading the thread fresh gets the stored messages already changed.
    const page = await history({ db: client, memberId: b, conversationId });
    expect(page.messages.find((m) => m.seq === 1)).toMatchObject({ body: "meet at the station" });
    expect(page.messages.find((m) => m.seq === 2)).toMatchObject({ body: "", deletedAt: expect.any(String) });

    // The old words are gone from search; the edit's entry is not a second hit; changes are not unread.
    expect(await searchMessages({ db: client, memberId: b, query: "harbour" })).toEqual([]);
    expect((await searchMessages({ db: client, memberId: b, query: "station" })).map((m) => m.seq)).toEqual([1]);
    expect(await searchMessages({ db: client, memberId: b, query: "umbrella" })).toEqual([]);
    // A stranger's conversation is one request on the badge, whatever it holds; accepted, its messages count.
    expect(await unreadTotal(client, b)).toEqual({ unread: 0, requests: 1 });
    await accept(client, conversationId, b);
    const [summary] = await listConversations({ db: client, memberId: b });
    expect(summary).toMatchObject({ unread: 2, preview: "Message deleted", state: "accepted" });
    expect(await unreadTotal(client, b)).toEqual({ unread: 2, requests: 0 });
  });

  it("delivered and read markers move forward only; reading implies delivery", async () => {
    const { client, a, b, conversationId, send } = await pair("mc2");
    for (const t of ["one", "two", "three"]) await send(a, t);
    await accept(client, conversationId, b);
    expect(await markRead({ db: client, memberId: b, conversationId, seq: 2, marker: "delivered" })).toMatchObject({
      readSeq: 0,
      deliveredSeq: 2,
      moved: true,
    });
    expect(await markRead({ db: client, memberId: b, conversationId, seq: 1, marker: "delivered" })).toMatchObject({ moved: false });
    expect(await markRead({ db: client, memberId: b, conversationId, seq: 3 })).toMatchObject({ readSeq: 3, deliveredSeq: 3, moved: true });
    // A's view of the thread carries B's markers (B accepted A's request): the receipts.
    expect((await history({ db: client, memberId: a, conversationId })).markers).toEqual([{ memberId: b, readSeq: 3, deliveredSeq: 3 }]);
  });

  it("a picture is typed by its bytes, turned upright, stripped of its metadata and given a thumbnail; only the conversation's members get it", async () => {
    const { client, a, b, conversationId } = await pair("mc3");
    const outsider = await createMember("mc3", "Cy");
    const photo = await sharp({ create: { width: 1200, height: 800, channels: 3, background: "#2552e0" } })
      .jpeg()
      .withExif({ IFD0: { Make: "SpyCam" } })
      .withMetadata({ orientation: 6 })
      .toBuffer();
    expect(await sharp(photo).metadata()).toMatchObject({ orientation: 6, exif: expect.anything() });
    const sent = await sendFile({
      db: client,
      storage: storage(),
      senderId: a,
      conversationId,
      maxBytes: 5_000_000,
      input: { clientId: uuid7(), name: "../../etc/passwd\u0000.png", bytes: new Uint8Array(photo), caption: "the view" },
    });
    // Rotated a quarter turn by its orientation: 800 wide, 1200 high.
    expect(sent.message).toMatchObject({
      kind: "file",
      body: "the view",
      file: { type: "image/jpeg", name: "passwd.png", width: 800, height: 1200, thumb: true },
    });
    const file = await messageFile({ db: client, memberId: b, conversationId, seq: sent.message.seq, thumb: false });
    const stored = await storage().get(file.key);
    const meta = await sharp(stored!).metadata();
    expect(meta.exif).toBeUndefined();
    expect([meta.width, meta.height]).toEqual([800, 1200]);
    const thumb = await storage().get(
      (await messageFile({ db: client, memberId: b, conversationId, seq: sent.message.seq, thumb: true })).key,
    );
    expect((await sharp(thumb!).metadata()).width).toBe(480);
    expect(await code(messageFile({ db: client, memberId: outsider, conversationId, seq: sent.message.seq, thumb: false }))).toBe(
      "NOT_FOUND",
    );

    // Not a picture: a download with its type from the bytes; too big or empty: refused, nothing stored.
    const pdf = await sendFile({
      db: client,
      storage: storage(),
      senderId: b,
      conversationId,
      maxBytes: 5_000_000,
      input: { clientId: uuid7(), name: "minutes.exe", bytes: new TextEncoder().encode("%PDF-1.7\n%âãÏÓ\n1 0 obj\n"), caption: "" },
    });
    expect(pdf.message.file).toMatchObject({ type: "application/pdf", name: "minutes.exe", thumb: false });
    const big = sendFile({
      db: client,
      storage: storage(),
      senderId: b,
      conversationId,
      maxBytes: 1000,
      input: { clientId: uuid7(), name: "big.bin", bytes: new Uint8Array(2000), caption: "" },
    });
    expect(await code(big)).toBe("PAYLOAD_TOO_LARGE");
    // A picture cut short: a PNG by its first bytes, that cannot be decoded.
    const png = await sharp({ create: { width: 300, height: 300, channels: 3, background: "#fff" } })
      .png()
      .toBuffer();
    const cutPng = png.subarray(0, 60);
    const broken = sendFile({
      db: client,
      storage: storage(),
      senderId: b,
      conversationId,
      maxBytes: 5_000_000,
      input: { clientId: uuid7(), name: "x.png", bytes: new Uint8Array(cutPng), caption: "" },
    });
    expect(await code(broken)).toBe("VALIDATION_FAILED");

    // Deleting the picture removes the file from the message for everyone.
    const del = await deleteMessage({ db: client, senderId: a, conversationId, targetSeq: sent.message.seq, clientId: uuid7() });
    expect(del.fileKeys).toHaveLength(2);
    expect(await code(messageFile({ db: client, memberId: b, conversationId, seq: sent.message.seq, thumb: false }))).toBe("NOT_FOUND");
  });

  it("review findings: a second edit empties the first's text; a reply cannot point at a change; typing only to those who accepted, never across a block", async () => {
    const { client, a, b, conversationId, send } = await pair("mc4");
    await send(a, "v1");
    await editMessage({ db: client, senderId: a, conversationId, targetSeq: 1, clientId: uuid7(), body: "v2" });
    await editMessage({ db: client, senderId: a, conversationId, targetSeq: 1, clientId: uuid7(), body: "v3" });
    const entries = await client.conversationMessage.findMany({
      where: { conversationId },
      orderBy: { seq: "asc" },
      select: { kind: true, body: true },
    });
    expect(entries).toEqual([
      { kind: "text", body: "v3" },
      { kind: "edit", body: "" },
      { kind: "edit", body: "v3" },
    ]);
    expect(
      await code(sendMessage({ db: client, senderId: a, conversationId, input: { clientId: uuid7(), body: "re", replyToSeq: 2 } })),
    ).toBe("VALIDATION_FAILED");

    // B has not accepted A's request: A's typing reaches nobody. Accepted, it does; after a block, it is refused.
    const rec = recordingBus();
    await announceTyping({ db: client, bus: rec.bus }, a, conversationId);
    expect(rec.sent).toEqual([]);
    await accept(client, conversationId, b);
    await announceTyping({ db: client, bus: rec.bus }, a, conversationId);
    expect(rec.sent).toEqual([{ memberId: b, type: "typing", data: { conversationId, memberId: a } }]);
    await client.block.create({ data: { blockerId: b, blockedId: a } });
    expect(await code(announceTyping({ db: client, bus: rec.bus }, a, conversationId))).toBe("FORBIDDEN");
    expect(rec.sent).toHaveLength(1);
  });
});
