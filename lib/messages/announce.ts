import type { BusPublisher } from "../bus/types";
import type { Db } from "../db/client";
import type { WireMessage } from "./schemas";

/**
 * Who is told: everyone in the conversation but those who declined it, and those on do-not-disturb
 * for whom it is a stranger's request (it waits silently; they are told when do-not-disturb ends).
 */
export async function participants(db: Db, conversationId: string): Promise<string[]> {
  const rows = await db.conversationMember.findMany({
    where: { conversationId, state: { not: "declined" }, NOT: { state: "request", member: { presenceSetting: "dnd" } } },
    select: { memberId: true },
  });
  return rows.map((m) => m.memberId);
}

/**
 * Tells every participant's devices (the sender's other devices too). Stored first, told after: a
 * device that misses this, or a bus that is down, loses nothing, since every device asks for what
 * follows its cursor when it (re)connects.
 */
export async function announceMessage(deps: { db: Db; bus: BusPublisher }, message: WireMessage, to?: string[]): Promise<void> {
  const who = to ?? (await participants(deps.db, message.conversationId));
  await Promise.allSettled(who.map((memberId) => deps.bus.toMember(memberId, "message", message)));
}

/**
 * A read (or delivered) marker moved: the member's own devices clear their count; the others see a receipt, unless
 * the reader has not accepted the conversation (a stranger does not learn their request was read).
 */
export async function announceRead(
  deps: { db: Db; bus: BusPublisher },
  read: { conversationId: string; memberId: string; readSeq: number; deliveredSeq: number },
  readerAccepted: boolean,
): Promise<void> {
  const to = readerAccepted ? await participants(deps.db, read.conversationId) : [read.memberId];
  await Promise.allSettled(to.map((memberId) => deps.bus.toMember(memberId, "read", read)));
}

/** The people of a conversation changed (made, joined, left): its participants, and `also` (who left), fetch their lists again. */
export async function announceConversation(
  deps: { db: Db; bus: BusPublisher },
  conversationId: string,
  also: string[] = [],
): Promise<void> {
  const to = new Set([...(await participants(deps.db, conversationId)), ...also]);
  await Promise.allSettled([...to].map((memberId) => deps.bus.toMember(memberId, "conversation", { conversationId })));
}
