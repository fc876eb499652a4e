import type { Db } from "../db/client";
import { DomainError } from "../errors";

/**
 * Moves the member's read marker in a conversation forward to `seq` (never back, never past the last
 * message). Returns where it stands, whether it moved, and the member's state in the conversation.
 */
export async function markRead({
  db,
  memberId,
  conversationId,
  seq,
}: {
  db: Db;
  memberId: string;
  conversationId: string;
  seq: number;
}): Promise<{ readSeq: number; moved: boolean; state: string }> {
  const row = await db.conversationMember.findUnique({
    where: { conversationId_memberId: { conversationId, memberId } },
    select: { readSeq: true, state: true, conversation: { select: { lastSeq: true } } },
  });
  if (!row) throw new DomainError("NOT_FOUND", "No such conversation");
  const target = Math.min(seq, row.conversation.lastSeq);
  if (target <= row.readSeq) return { readSeq: row.readSeq, moved: false, state: row.state };
  // The condition keeps it forward-only when two devices mark at once.
  const { count } = await db.conversationMember.updateMany({
    where: { conversationId, memberId, readSeq: { lt: target } },
    data: { readSeq: target },
  });
  const now = await db.conversationMember.findUniqueOrThrow({
    where: { conversationId_memberId: { conversationId, memberId } },
    select: { readSeq: true },
  });
  return { readSeq: now.readSeq, moved: count > 0, state: row.state };
}
