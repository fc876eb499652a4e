import type { BusPublisher } from "../bus/types";
import type { Db } from "../db/client";
import { DomainError } from "../errors";

/**
 * Tells the others in a conversation that the member is typing. Only once the member has accepted it
 * (a stranger's request does not announce itself), and never to those who declined it. Nothing is
 * stored: a notice missed is simply not shown.
 */
export async function announceTyping(deps: { db: Db; bus: BusPublisher }, memberId: string, conversationId: string): Promise<void> {
  const members = await deps.db.conversationMember.findMany({
    where: { conversationId, state: { not: "declined" } },
    select: { memberId: true, state: true },
  });
  const self = members.find((m) => m.memberId === memberId);
  if (!self) throw new DomainError("NOT_FOUND", "No such conversation");
  if (self.state !== "accepted") return;
  await Promise.allSettled(
    members.filter((m) => m.memberId !== memberId).map((m) => deps.bus.toMember(m.memberId, "typing", { conversationId, memberId })),
  );
}
