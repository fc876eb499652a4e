import type { Db } from "../db/client";
import { isUniqueViolationOn } from "../db/unique-violation";
import { DomainError } from "../errors";
import { toWire, type WireMessage } from "./schemas";

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

/** The entry's own columns (the sequence, sender, id and time are given here). */
export type EntryData = {
  kind: "text" | "file" | "edit" | "delete";
  body: string;
  targetSeq?: number;
  replyToSeq?: number;
  fileKey?: string;
  fileName?: string;
  fileType?: string;
  fileSize?: number;
  thumbKey?: string | null;
  width?: number | null;
  height?: number | null;
};

/**
 * Appends an entry (a message, a file, or a change to one) to a conversation the sender is in. Its
 * sequence is the conversation's next, given in the same transaction as the insert, so sequences
 * have no gap and a failed insert uses none. The sender's id for it is unique per sender in the
 * database, so sending again (a retry, a reload, another tab) returns the stored entry instead of a
 * second one — also when two tries race, one of them failing on that key.
 *
 * `apply` runs inside the transaction once the conversation's row is held and the sequence is known:
 * it checks what the entry needs (a reply's target, an edit's message) and may change other rows.
 */
export async function appendEntry({
  db,
  senderId,
  conversationId,
  clientId,
  entry,
  apply,
  now,
}: {
  db: Db;
  senderId: string;
  conversationId: string;
  clientId: string;
  entry: EntryData;
  apply?: (tx: Tx, seq: number, at: Date) => Promise<void>;
  /** For tests: the time to store (otherwise read once the conversation's row is held). */
  now?: Date;
}): Promise<{ message: WireMessage; created: boolean }> {
  const again = () => sentBefore(db, senderId, conversationId, clientId);
  const earlier = await again();
  if (earlier) return { message: earlier, created: false };
  const shown = entry.kind === "text" || entry.kind === "file";
  try {
    const message = await db.$transaction(
      async (tx) => {
        const membership = await tx.conversationMember.findUnique({
          where: { conversationId_memberId: { conversationId, memberId: senderId } },
          select: {
            conversation: { select: { kind: true, members: { where: { memberId: { not: senderId } }, select: { memberId: true } } } },
          },
        });
        if (!membership) throw new DomainError("NOT_FOUND", "No such conversation");
        if (membership.conversation.kind === "direct") {
          const other = membership.conversation.members[0]?.memberId ?? "";
          const blocked = await tx.block.count({
            where: {
              OR: [
                { blockerId: senderId, blockedId: other },
                { blockerId: other, blockedId: senderId },
              ],
            },
          });
          if (blocked) throw new DomainError("FORBIDDEN", "You cannot write to this member");
        }
        // The increment holds the conversation's row: senders to one conversation take turns here.
        const { lastSeq } = await tx.conversation.update({
          where: { id: conversationId },
          data: { lastSeq: { increment: 1 } },
          select: { lastSeq: true },
        });
        // The time is read once the row is held, so a later sequence never has an earlier time.
        const at = now ?? new Date();
        // A change does not move the conversation up the list; a message does.
        if (shown) await tx.conversation.update({ where: { id: conversationId }, data: { lastMessageAt: at } });
        if (entry.replyToSeq !== undefined) {
          const to =
            entry.replyToSeq < lastSeq
              ? await tx.conversationMessage.findUnique({
                  where: { conversationId_seq: { conversationId, seq: entry.replyToSeq } },
                  select: { kind: true },
                })
              : null;
          if (!to || (to.kind !== "text" && to.kind !== "file"))
            throw new DomainError("VALIDATION_FAILED", "A reply must be to an earlier message");
        }
        await apply?.(tx, lastSeq, at);
        const stored = await tx.conversationMessage.create({
          data: { ...entry, conversationId, seq: lastSeq, senderId, clientId, createdAt: at },
        });
        // What one writes one has read, on every device; and answering a request accepts it.
        await tx.conversationMember.update({
          where: { conversationId_memberId: { conversationId, memberId: senderId } },
          data: { readSeq: lastSeq, deliveredSeq: lastSeq, state: "accepted" },
        });
        return stored;
      },
      // A burst into one conversation queues on its row, each send holding a connection while it
      // waits: give the queue time rather than fail a send that would succeed a moment later.
      { maxWait: 15_000, timeout: 15_000 },
    );
    return { message: toWire(message), created: true };
  } catch (err) {
    if (!isUniqueViolationOn(err, "clientId")) throw err;
    const raced = await again();
    if (!raced) throw err;
    return { message: raced, created: false };
  }
}

async function sentBefore(db: Db, senderId: string, conversationId: string, clientId: string): Promise<WireMessage | null> {
  const m = await db.conversationMessage.findUnique({ where: { senderId_clientId: { senderId, clientId } } });
  if (!m) return null;
  if (m.conversationId !== conversationId) throw new DomainError("CONFLICT", "This message id was already used for another conversation");
  return toWire(m);
}
