import type { Db } from "../db/client";
import { isUniqueViolationOn } from "../db/unique-violation";
import { DomainError } from "../errors";
import { MAX_GROUP_MEMBERS } from "./schemas";

/**
 * Group conversations: up to MAX_GROUP_MEMBERS people. A member brings in people from their own
 * address book, never someone either of them blocked; each newcomer who does not have the one who
 * added them in their book finds the group under "Requests" (as for a stranger's first message).
 */
export async function createGroupConversation({
  db,
  creatorId,
  title,
  memberIds,
}: {
  db: Db;
  creatorId: string;
  title: string;
  memberIds: string[];
}): Promise<{ conversationId: string; added: string[] }> {
  const others = await admissible(db, creatorId, memberIds, 1);
  if (others.length === 0) throw new DomainError("VALIDATION_FAILED", "Choose at least one contact for the group");
  const states = await newcomerStates(db, creatorId, others);
  const made = await db.conversation.create({
    data: {
      kind: "group",
      title,
      members: { create: [{ memberId: creatorId }, ...others.map((memberId) => ({ memberId, state: states.get(memberId)! }))] },
    },
    select: { id: true },
  });
  return { conversationId: made.id, added: others };
}

/** Adds people to a group the member is in (and has accepted). Those already in it are left as they are. */
export async function addGroupMembers({
  db,
  memberId,
  conversationId,
  memberIds,
}: {
  db: Db;
  memberId: string;
  conversationId: string;
  memberIds: string[];
}): Promise<{ added: string[] }> {
  const conversation = await db.conversation.findFirst({
    where: { id: conversationId, kind: "group", members: { some: { memberId, state: "accepted" } } },
    select: { members: { select: { memberId: true } }, group: { select: { handle: true } } },
  });
  if (!conversation) throw new DomainError("NOT_FOUND", "No such group conversation");
  if (conversation.group) throw belongsToGroup(conversation.group.handle);
  const present = new Set(conversation.members.map((m) => m.memberId));
  const fresh = [...new Set(memberIds)].filter((id) => !present.has(id));
  if (fresh.length === 0) return { added: [] };
  const others = await admissible(db, memberId, fresh, present.size);
  const states = await newcomerStates(db, memberId, others);
  // The count is checked again inside, in turn: two people adding at once cannot take the group past the limit.
  const add = () =>
    db.$transaction(async (tx) => {
      // Holds the conversation's row (as a send does): adders take turns, so the count below is exact.
      await tx.conversation.update({ where: { id: conversationId }, data: { lastSeq: { increment: 0 } } });
      // Newcomers see the history (as in a team's channel) but start with none of it unread.
      const { lastSeq } = await tx.conversation.findUniqueOrThrow({ where: { id: conversationId }, select: { lastSeq: true } });
      await tx.conversationMember.createMany({
        data: others.map((id) => ({ conversationId, memberId: id, state: states.get(id)!, readSeq: lastSeq, deliveredSeq: lastSeq })),
      });
      const total = await tx.conversationMember.count({ where: { conversationId } });
      if (total > MAX_GROUP_MEMBERS) throw new DomainError("VALIDATION_FAILED", `A group holds at most ${MAX_GROUP_MEMBERS} people`);
    });
  try {
    await add();
  } catch (err) {
    // Someone else added one of them at the same moment: they are in; add the rest again.
    if (!isUniqueViolationOn(err, "memberId")) throw err;
    return addGroupMembers({ db, memberId, conversationId, memberIds });
  }
  return { added: others };
}

/** Leaves a group: its messages stop reaching the member's devices. The last one out leaves it empty. */
export async function leaveConversation({ db, memberId, conversationId }: { db: Db; memberId: string; conversationId: string }) {
  const owned = await db.group.findFirst({ where: { conversationId, members: { some: { memberId } } }, select: { handle: true } });
  if (owned) throw belongsToGroup(owned.handle);
  const { count } = await db.conversationMember.deleteMany({ where: { conversationId, memberId, conversation: { kind: "group" } } });
  if (count === 0) throw new DomainError("NOT_FOUND", "No such group conversation");
}

/** The people a member may bring in: contacts who answered, not blocked either way, within the size limit. */
async function admissible(db: Db, memberId: string, ids: string[], already: number): Promise<string[]> {
  const wanted = [...new Set(ids)].filter((id) => id !== memberId);
  if (already + wanted.length > MAX_GROUP_MEMBERS)
    throw new DomainError("VALIDATION_FAILED", `A group holds at most ${MAX_GROUP_MEMBERS} people`);
  // A contact who answered: they let the member see them, or keep the member in their own book. A
  // request nobody answered is not enough (or anyone could drop strangers into groups).
  const [inBook, blocks] = await Promise.all([
    db.contact.findMany({
      where: {
        ownerId: memberId,
        contactId: { in: wanted },
        inBook: true,
        OR: [{ sees: "approved" }, { contact: { contacts: { some: { contactId: memberId, inBook: true } } } }],
      },
      select: { contactId: true },
    }),
    db.block.findMany({
      where: {
        OR: [
          { blockerId: memberId, blockedId: { in: wanted } },
          { blockedId: memberId, blockerId: { in: wanted } },
        ],
      },
      select: { blockerId: true, blockedId: true },
    }),
  ]);
  const blocked = new Set(blocks.flatMap((b) => [b.blockerId, b.blockedId]));
  const ok = new Set(inBook.map((c) => c.contactId).filter((id) => !blocked.has(id)));
  const refused = wanted.filter((id) => !ok.has(id));
  // The same answer for "not in your book" and "blocked": nobody learns who blocked them.
  if (refused.length) throw new DomainError("FORBIDDEN", "You can add only people from your contacts");
  return wanted;
}

async function newcomerStates(db: Db, adderId: string, ids: string[]): Promise<Map<string, "accepted" | "request">> {
  const knowing = await db.contact.findMany({
    where: { ownerId: { in: ids }, contactId: adderId, inBook: true },
    select: { ownerId: true },
  });
  const knows = new Set(knowing.map((k) => k.ownerId));
  return new Map(ids.map((id) => [id, knows.has(id) ? "accepted" : "request"]));
}

/** A group's conversation has the group's people: they come and go by joining and leaving the group. */
const belongsToGroup = (handle: string) =>
  new DomainError("CONFLICT", `This conversation is the group /${handle}'s: people join and leave it on the group's page`);
