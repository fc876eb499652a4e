import { Prisma } from "../db/generated/sqlite/client";
import type { Db } from "../db/client";
import { env } from "../env";
import { DomainError } from "../errors";
import { toWire, type WireMessage } from "./schemas";

export const SEARCH_LIMIT = 30;

/** The words searched for: letters and digits only, so nothing in them is query syntax. At most eight. */
export function searchWords(query: string): string[] {
  return (query.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, 8);
}

/**
 * The member's messages with every word (the last one as a prefix, as one types), newest first:
 * SQLite's FTS5 index or PostgreSQL's full-text index, only in conversations the member is in and
 * has not declined, never deleted messages.
 */
export async function searchMessages({
  db,
  memberId,
  query,
  limit = SEARCH_LIMIT,
}: {
  db: Db;
  memberId: string;
  query: string;
  limit?: number;
}): Promise<WireMessage[]> {
  const words = searchWords(query);
  if (words.length === 0) throw new DomainError("VALIDATION_FAILED", "Type a word to search for");
  const last = words.length - 1;
  const rows =
    env().dbKind === "sqlite"
      ? await db.$queryRaw<{ id: string }[]>(Prisma.sql`
          SELECT m."id" FROM "ConversationMessageText" f
          JOIN "ConversationMessage" m ON m.rowid = f.rowid
          JOIN "ConversationMember" cm ON cm."conversationId" = m."conversationId"
          WHERE "ConversationMessageText" MATCH ${words.map((w, i) => `"${w}"${i === last ? "*" : ""}`).join(" ")}
            AND cm."memberId" = ${memberId} AND cm."state" <> 'declined' AND m."deletedAt" IS NULL AND m."kind" = 'text'
          ORDER BY m."createdAt" DESC, m."seq" DESC LIMIT ${limit}`)
      : await db.$queryRaw<{ id: string }[]>(Prisma.sql`
          SELECT m."id" FROM "ConversationMessage" m
          JOIN "ConversationMember" cm ON cm."conversationId" = m."conversationId"
          WHERE to_tsvector('simple', m."body") @@ to_tsquery('simple', ${words.map((w, i) => (i === last ? `${w}:*` : w)).join(" & ")})
            AND cm."memberId" = ${memberId} AND cm."state" <> 'declined' AND m."deletedAt" IS NULL AND m."kind" = 'text'
          ORDER BY m."createdAt" DESC, m."seq" DESC LIMIT ${limit}`);
  if (rows.length === 0) return [];
  const found = await db.conversationMessage.findMany({
    where: { id: { in: rows.map((r) => r.id) }, conversation: { members: { some: { memberId } } } },
  });
  const byId = new Map(found.map((m) => [m.id, m]));
  return rows.flatMap((r) => (byId.has(r.id) ? [toWire(byId.get(r.id)!)] : []));
}
