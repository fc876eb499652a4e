import type { BusPublisher } from "../bus";
import type { Db } from "../db/client";
import { isUniqueViolationOn } from "../db/unique-violation";
import { DomainError } from "../errors";
import { announceRulesChanged } from "../presence/announce-rules";

export type RequestAnswer = "accept" | "decline" | "block";

/**
 * The member's answer to a conversation someone not in their book started: accept (it joins their
 * conversations), decline (hidden; their devices hear no more of it), or block (declined, and the
 * other can no longer write to them at all). The writer is not told which.
 */
export async function answerRequest({
  db,
  bus,
  memberId,
  conversationId,
  answer,
}: {
  db: Db;
  bus: BusPublisher;
  memberId: string;
  conversationId: string;
  answer: RequestAnswer;
}): Promise<{ state: "accepted" | "declined" }> {
  const row = await db.conversationMember.findUnique({
    where: { conversationId_memberId: { conversationId, memberId } },
    select: { conversation: { select: { kind: true, members: { where: { memberId: { not: memberId } }, select: { memberId: true } } } } },
  });
  if (!row) throw new DomainError("NOT_FOUND", "No such conversation");
  const other = row.conversation.kind === "direct" ? row.conversation.members[0]?.memberId : undefined;
  if (answer === "block" && !other) throw new DomainError("BAD_REQUEST", "Block a member from their conversation with you");
  const state = answer === "accept" ? "accepted" : "declined";
  const write = () =>
    db.$transaction(async (tx) => {
      await tx.conversationMember.update({ where: { conversationId_memberId: { conversationId, memberId } }, data: { state } });
      if (answer !== "block" || !other) return;
      const key = { blockerId: memberId, blockedId: other };
      // Checked first: on PostgreSQL a failed insert would end the whole transaction.
      if (!(await tx.block.findUnique({ where: { blockerId_blockedId: key } }))) await tx.block.create({ data: key });
    });
  try {
    await write();
  } catch (err) {
    // A block made at the same moment (a double click, the address book): the second try sees it.
    if (!isUniqueViolationOn(err, "blockerId")) throw err;
    await write();
  }
  // A block changes who sees whom, as a block from the address book does.
  if (answer === "block" && other) await announceRulesChanged({ db, bus }, [memberId, other]);
  return { state };
}
