import type { Db } from "../db/client";
import { isUniqueViolationOn } from "../db/unique-violation";
import { DomainError } from "../errors";

export const directKey = (a: string, b: string) => [a, b].sort().join(":");

/**
 * The one conversation between two members, made on first use. Refused when either blocked the
 * other (the same answer either way: a blocked member does not learn who blocked whom).
 */
export async function openDirect({
  db,
  memberId,
  otherId,
  beforeCreate,
}: {
  db: Db;
  memberId: string;
  otherId: string;
  /** Runs only when the conversation is new (a limit on starting conversations); may throw. */
  beforeCreate?: () => Promise<void>;
}): Promise<{ conversationId: string }> {
  if (memberId === otherId) throw new DomainError("BAD_REQUEST", "A conversation needs someone else");
  const [other, blocks] = await Promise.all([
    db.member.findUnique({ where: { id: otherId }, select: { id: true } }),
    db.block.count({
      where: {
        OR: [
          { blockerId: memberId, blockedId: otherId },
          { blockerId: otherId, blockedId: memberId },
        ],
      },
    }),
  ]);
  if (!other) throw new DomainError("NOT_FOUND", "No such member");
  if (blocks > 0) throw new DomainError("FORBIDDEN", "You cannot write to this member");
  const key = directKey(memberId, otherId);
  const found = await db.conversation.findUnique({ where: { directKey: key }, select: { id: true } });
  if (found) return { conversationId: found.id };
  await beforeCreate?.();
  // Someone not in the other's book lands under their "Requests", not among their conversations.
  const known = await db.contact.count({ where: { ownerId: otherId, contactId: memberId, inBook: true } });
  try {
    const made = await db.conversation.create({
      data: {
        kind: "direct",
        directKey: key,
        members: { create: [{ memberId }, { memberId: otherId, state: known ? "accepted" : "request" }] },
      },
      select: { id: true },
    });
    return { conversationId: made.id };
  } catch (err) {
    // Both opened it at once: the other's is the conversation.
    if (!isUniqueViolationOn(err, "directKey")) throw err;
    const made = await db.conversation.findUniqueOrThrow({ where: { directKey: key }, select: { id: true } });
    return { conversationId: made.id };
  }
}
