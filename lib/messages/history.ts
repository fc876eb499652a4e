import type { Db } from "../db/client";
import { DomainError } from "../errors";
import { toWire, type WireMessage } from "./schemas";

export const HISTORY_PAGE = 50;

/** How far another participant has received and read. */
export type Marker = { memberId: string; readSeq: number; deliveredSeq: number };

/** Scrolling back: the messages before `beforeSeq` (the latest when absent), oldest first, in the member's conversation only. */
export async function history({
  db,
  memberId,
  conversationId,
  beforeSeq,
  limit = HISTORY_PAGE,
}: {
  db: Db;
  memberId: string;
  conversationId: string;
  beforeSeq?: number;
  limit?: number;
}): Promise<{ messages: WireMessage[]; more: boolean; markers: Marker[] }> {
  const rows = await db.conversationMessage.findMany({
    where: {
      conversationId,
      conversation: { members: { some: { memberId, state: { not: "declined" } } } },
      ...(beforeSeq !== undefined && { seq: { lt: beforeSeq } }),
    },
    orderBy: { seq: "desc" },
    take: limit + 1,
  });
  if (rows.length === 0) {
    const member = await db.conversationMember.count({ where: { conversationId, memberId, state: { not: "declined" } } });
    if (!member) throw new DomainError("NOT_FOUND", "No such conversation");
  }
  // Receipts: how far the others got, from those who accepted (a stranger's reading is not shown).
  const markers = await db.conversationMember.findMany({
    where: { conversationId, memberId: { not: memberId }, state: "accepted" },
    select: { memberId: true, readSeq: true, deliveredSeq: true },
  });
  return { messages: rows.slice(0, limit).reverse().map(toWire), more: rows.length > limit, markers };
}
