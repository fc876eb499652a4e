import Database from "better-sqlite3";
import { DomainError } from "../errors";
import { uuid7 } from "./uuid7";
import { type StoredMessage, toWire } from "./wire";
import type { StoreTexts, TextSend, TextStored } from "./send-message";

type Row = Record<string, unknown>;

const date = (v: unknown): Date | null => (v === null || v === undefined ? null : new Date(typeof v === "number" ? v : String(v)));
/** As Prisma's SQLite adapter writes DateTime columns, so both read the same values back. */
const sqliteTime = (d: Date) => d.toISOString().replace("Z", "+00:00");

function stored(r: Row): StoredMessage {
  return {
    id: String(r.id),
    conversationId: String(r.conversationId),
    seq: Number(r.seq),
    senderId: String(r.senderId),
    clientId: String(r.clientId),
    kind: String(r.kind),
    targetSeq: (r.targetSeq as number | null) ?? null,
    body: String(r.body),
    replyToSeq: (r.replyToSeq as number | null) ?? null,
    fileName: (r.fileName as string | null) ?? null,
    fileType: (r.fileType as string | null) ?? null,
    fileSize: (r.fileSize as number | null) ?? null,
    thumbKey: (r.thumbKey as string | null) ?? null,
    width: (r.width as number | null) ?? null,
    height: (r.height as number | null) ?? null,
    createdAt: date(r.createdAt)!,
    editedAt: date(r.editedAt),
    deletedAt: date(r.deletedAt),
  };
}

/**
 * Text messages on SQLite, a batch per transaction, through better-sqlite3 directly: the same rules
 * as appendEntry (membership, blocks, replies, a gap-free sequence, the sender's id making a retry
 * the same message, the sender's own markers), with prepared statements in one synchronous
 * transaction instead of an interactive Prisma transaction per message. Measured on this machine
 * (bench/messages.ts, BENCHMARKS.md): the Prisma path held about 140 sends a second; this one holds
 * thousands. Each message is its own savepoint, so one refused message leaves the others of its
 * batch stored. BEGIN IMMEDIATE takes the write lock first, so the time read next is after every
 * earlier writer's (another process's included): a later sequence never has an earlier time.
 */
export function sqliteTextStore(file: string, opts: { busyTimeoutMs: number }): StoreTexts & { close(): void } {
  const db = new Database(file, { timeout: opts.busyTimeoutMs });
  db.pragma("journal_mode = WAL");
  const q = {
    earlier: db.prepare(`SELECT * FROM "ConversationMessage" WHERE "senderId" = ? AND "clientId" = ?`),
    membership: db.prepare(
      `SELECT c."kind" AS kind FROM "ConversationMember" m JOIN "Conversation" c ON c."id" = m."conversationId"
       WHERE m."conversationId" = ? AND m."memberId" = ?`,
    ),
    blocked: db.prepare(
      `SELECT 1 FROM "ConversationMember" o JOIN "Block" b
         ON (b."blockerId" = ? AND b."blockedId" = o."memberId") OR (b."blockerId" = o."memberId" AND b."blockedId" = ?)
       WHERE o."conversationId" = ? AND o."memberId" <> ? LIMIT 1`,
    ),
    replyKind: db.prepare(`SELECT "kind" AS kind FROM "ConversationMessage" WHERE "conversationId" = ? AND "seq" = ?`),
    next: db.prepare(`UPDATE "Conversation" SET "lastSeq" = "lastSeq" + 1, "lastMessageAt" = ? WHERE "id" = ? RETURNING "lastSeq" AS seq`),
    insert: db.prepare(
      `INSERT INTO "ConversationMessage" ("id", "conversationId", "seq", "senderId", "clientId", "kind", "body", "replyToSeq", "createdAt")
       VALUES (?, ?, ?, ?, ?, 'text', ?, ?, ?)`,
    ),
    own: db.prepare(
      `UPDATE "ConversationMember" SET "readSeq" = MAX("readSeq", ?), "deliveredSeq" = MAX("deliveredSeq", ?), "state" = 'accepted'
       WHERE "conversationId" = ? AND "memberId" = ?`,
    ),
    // As announce.ts's participants(): a stranger's request waits silently for a member on do-not-disturb.
    participants: db.prepare(
      `SELECT cm."memberId" AS id FROM "ConversationMember" cm JOIN "Member" m ON m."id" = cm."memberId"
       WHERE cm."conversationId" = ? AND cm."state" <> 'declined' AND NOT (cm."state" = 'request' AND m."presenceSetting" = 'dnd')`,
    ),
  };
  const participants = (conversationId: string) => (q.participants.all(conversationId) as { id: string }[]).map((r) => r.id);

  const one = db.transaction((s: TextSend): TextStored => {
    const { senderId, conversationId, clientId, body, replyToSeq } = s;
    const earlier = q.earlier.get(senderId, clientId) as Row | undefined;
    if (earlier) {
      if (earlier.conversationId !== conversationId)
        throw new DomainError("CONFLICT", "This message id was already used for another conversation");
      return { message: toWire(stored(earlier)), created: false, to: participants(conversationId) };
    }
    const membership = q.membership.get(conversationId, senderId) as { kind: string } | undefined;
    if (!membership) throw new DomainError("NOT_FOUND", "No such conversation");
    if (membership.kind === "direct" && q.blocked.get(senderId, senderId, conversationId, senderId)) {
      throw new DomainError("FORBIDDEN", "You cannot write to this member");
    }
    if (replyToSeq !== undefined) {
      const to = q.replyKind.get(conversationId, replyToSeq) as { kind: string } | undefined;
      if (!to || (to.kind !== "text" && to.kind !== "file"))
        throw new DomainError("VALIDATION_FAILED", "A reply must be to an earlier message");
    }
    const at = s.at ?? new Date();
    const { seq } = q.next.get(sqliteTime(at), conversationId) as { seq: number };
    const id = uuid7(at.getTime());
    q.insert.run(id, conversationId, seq, senderId, clientId, body, replyToSeq ?? null, sqliteTime(at));
    // What one writes one has read, on every device; and answering a request accepts it.
    q.own.run(seq, seq, conversationId, senderId);
    const message = toWire({
      id,
      conversationId,
      seq,
      senderId,
      clientId,
      kind: "text",
      targetSeq: null,
      body,
      replyToSeq: replyToSeq ?? null,
      fileName: null,
      fileType: null,
      fileSize: null,
      thumbKey: null,
      width: null,
      height: null,
      createdAt: at,
      editedAt: null,
      deletedAt: null,
    });
    return { message, created: true, to: participants(conversationId) };
  });

  const batch = db.transaction((sends: TextSend[]) =>
    sends.map((s) => {
      try {
        return one(s);
      } catch (err) {
        if (err instanceof DomainError) return err;
        throw err;
      }
    }),
  );

  return {
    store: (sends) => batch.immediate(sends),
    close: () => db.close(),
  };
}
