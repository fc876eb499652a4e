import type { BusPublisher } from "../bus/types";
import type { Db } from "../db/client";
import { DomainError } from "../errors";

/**
 * Tells the others in a conversation that the member is typing. Only once the member has accepted it
 * (a stranger's request does not announce itself), only to those who accepted it, never across a block. Nothing is
 * stored: a notice missed is simply not shown.
 */
export async function announceTyping(deps: { db: Db; bus: BusPublisher }, memberId: string, conversationId: string): Promise<void> {
  const members = await deps.db.conversationMember.findMany({
    where: { conversationId, state: { not: "declined" } },
    select: { memberId: true, state: true, conversation: { select: { kind: true } } },
  });
  const self = members.find((m) => m.memberId === memberId);
  if (!self) throw new DomainError("NOT_FOUND", "No such conversation");
  if (self.state !== "accepted") return;
  // Only to those who accepted the conversation, and never across a block (either way).
  const others = members.filter((m) => m.memberId !== memberId && m.state === "accepted").map((m) => m.memberId);
  const blocked = await deps.db.block.findMany({
    where: {
      OR: [
        { blockerId: memberId, blockedId: { in: others } },
        { blockedId: memberId, blockerId: { in: others } },
      ],
    },
    select: { blockerId: true, blockedId: true },
  });
  const apart = new Set(blocked.flatMap((b) => [b.blockerId, b.blockedId]));
  if (self.conversation.kind === "direct" && apart.size) throw new DomainError("FORBIDDEN", "You cannot write to this member");
  await Promise.allSettled(
    others.filter((id) => !apart.has(id)).map((id) => deps.bus.toMember(id, "typing", { conversationId, memberId })),
  );
}
