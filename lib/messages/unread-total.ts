import type { Db } from "../db/client";
import { SHOWN_KINDS } from "./schemas";

/**
 * What the header's badge counts: others' unread messages in the member's accepted conversations,
 * and requests waiting for an answer (each counts once, however many messages it holds).
 */
export async function unreadTotal(db: Db, memberId: string): Promise<{ unread: number; requests: number }> {
  const rows = await db.conversationMember.findMany({
    where: { memberId, state: { in: ["accepted", "request"] } },
    select: { conversationId: true, readSeq: true, state: true, conversation: { select: { lastSeq: true } } },
  });
  const behind = rows.filter((r) => r.conversation.lastSeq > r.readSeq);
  const requests = behind.filter((r) => r.state === "request").length;
  const counts = await Promise.all(
    behind
      .filter((r) => r.state === "accepted")
      .map((r) =>
        db.conversationMessage.count({
          where: { conversationId: r.conversationId, seq: { gt: r.readSeq }, senderId: { not: memberId }, kind: { in: [...SHOWN_KINDS] } },
        }),
      ),
  );
  return { unread: counts.reduce((a, b) => a + b, 0), requests };
}
