import type { Db } from "../db/client";
import { toWire, type WireMessage } from "./schemas";

export const CATCH_UP_PAGE = 1000;

/**
 * What a device missed: in each of the member's conversations, the messages after the device's
 * cursor (from the first for a conversation it does not know), oldest first, however long it was
 * away. One page of at most `limit` messages; `more` says to ask again from the new cursors.
 */
export async function messagesAfter({
  db,
  memberId,
  cursors,
  only = false,
  limit = CATCH_UP_PAGE,
}: {
  db: Db;
  memberId: string;
  cursors: Record<string, number>;
  /** Only the conversations in `cursors`. */
  only?: boolean;
  limit?: number;
}): Promise<{ messages: WireMessage[]; more: boolean }> {
  const memberships = await db.conversationMember.findMany({
    // A declined conversation is hidden: its messages reach none of the member's devices.
    where: { memberId, state: { not: "declined" } },
    select: { conversationId: true, conversation: { select: { lastSeq: true } } },
  });
  const due = memberships
    .map((m) => ({ id: m.conversationId, after: cursors[m.conversationId] ?? 0, last: m.conversation.lastSeq }))
    .filter((c) => c.last > c.after && (!only || c.id in cursors))
    .sort((a, b) => a.id.localeCompare(b.id));
  const messages: WireMessage[] = [];
  for (const c of due) {
    const left = limit - messages.length;
    if (left <= 0) return { messages, more: true };
    // The membership above is the member's: the conversation is theirs.
    const rows = await db.conversationMessage.findMany({
      where: { conversationId: c.id, seq: { gt: c.after } },
      orderBy: { seq: "asc" },
      take: left,
    });
    messages.push(...rows.map(toWire));
    if (rows.length === left && c.after + rows.length < c.last) return { messages, more: true };
  }
  return { messages, more: false };
}
