import type { Db } from "../db/client";
import { DomainError } from "../errors";

/**
 * Moves one of the member's markers in a conversation forward to `seq` (never back, never past the
 * last entry): "delivered" when a device of theirs received the messages, "read" when they were
 * seen (reading implies delivery, so it moves both). Returns where both stand, whether either moved,
 * and the member's state in the conversation.
 */
export async function markRead({
  db,
  memberId,
  conversationId,
  seq,
  marker = "read",
}: {
  db: Db;
  memberId: string;
  conversationId: string;
  seq: number;
  marker?: "read" | "delivered";
}): Promise<{ readSeq: number; deliveredSeq: number; moved: boolean; state: string }> {
  const where = { conversationId_memberId: { conversationId, memberId } };
  const row = await db.conversationMember.findUnique({
    where,
    select: { readSeq: true, deliveredSeq: true, state: true, conversation: { select: { lastSeq: true } } },
  });
  if (!row) throw new DomainError("NOT_FOUND", "No such conversation");
  const target = Math.min(seq, row.conversation.lastSeq);
  const moveRead = marker === "read" && target > row.readSeq;
  const moveDelivered = target > row.deliveredSeq;
  if (!moveRead && !moveDelivered) return { readSeq: row.readSeq, deliveredSeq: row.deliveredSeq, moved: false, state: row.state };
  // Each condition keeps its marker forward-only when two devices mark at once.
  const [read, delivered] = await Promise.all([
    moveRead
      ? db.conversationMember.updateMany({ where: { conversationId, memberId, readSeq: { lt: target } }, data: { readSeq: target } })
      : null,
    moveDelivered
      ? db.conversationMember.updateMany({
          where: { conversationId, memberId, deliveredSeq: { lt: target } },
          data: { deliveredSeq: target },
        })
      : null,
  ]);
  const now = await db.conversationMember.findUniqueOrThrow({ where, select: { readSeq: true, deliveredSeq: true } });
  return { ...now, moved: (read?.count ?? 0) + (delivered?.count ?? 0) > 0, state: row.state };
}
