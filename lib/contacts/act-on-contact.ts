import type { BusPublisher } from "../bus";
import type { Db } from "../db/client";
import { DomainError } from "../errors";
import { announceRulesChanged } from "../presence/announce-rules";
import { type BookEntry, listBook } from "./list-book";
import { lockPair, type PairRows, savePair } from "./pair-store";
import { type ActionName, apply, expire } from "./subscription";

/** Discord keeps 1,000 friends; an address book past that is a directory. */
export const MAX_BOOK_ENTRIES = 1000;

export type ContactAction = ActionName | "decline-and-block";
export type ContactDeps = { db: Db; bus: BusPublisher; now?: () => Date };

/** Whether the acting member's own entry for the other is in their book after the action. */
function inBookAfter(action: ContactAction, before: boolean): boolean {
  if (action === "request" || action === "accept") return true;
  if (action === "withdraw" || action === "remove" || action === "decline-and-block") return false;
  return before;
}

/**
 * One member's action on another: the transition table applied to the pair under a lock on both,
 * both rows written with the next roster versions, then each side told its book changed. Returns the
 * acting member's entry for the other (null when it left their book).
 */
export async function actOnContact(
  deps: ContactDeps,
  input: { memberId: string; otherId: string; action: ContactAction },
): Promise<{ version: number; entry: BookEntry | null }> {
  const { memberId: me, otherId: other, action } = input;
  if (me === other) throw new DomainError("BAD_REQUEST", "That is you: your own presence is always yours to see.");
  const now = (deps.now?.() ?? new Date()).getTime();

  const saved = await deps.db.$transaction(async (tx) => {
    const before = await lockPair(tx, me, other);
    if (!(await tx.member.findUnique({ where: { id: other }, select: { id: true } }))) {
      throw new DomainError("NOT_FOUND", "No member has that number or address.");
    }
    if (action === "request") {
      if (await tx.block.findUnique({ where: { blockerId_blockedId: { blockerId: me, blockedId: other } } })) {
        throw new DomainError("CONFLICT", "You blocked this member: unblock them before adding them.");
      }
      if (!before.aInBook && (await tx.contact.count({ where: { ownerId: me, inBook: true } })) >= MAX_BOOK_ENTRIES) {
        throw new DomainError(
          "CONFLICT",
          `Your address book is full (${MAX_BOOK_ENTRIES.toLocaleString("en")} contacts): remove someone first.`,
        );
      }
    }
    const current: PairRows = { ...before, pair: expire(before.pair, now) };
    const step = apply(current.pair, "a", action === "decline-and-block" ? "decline" : action, now);
    if (!step.ok) throw new DomainError("CONFLICT", step.message);
    let pair = step.pair;
    if (action === "decline-and-block") {
      // Nothing is left between them: no request, no approval in advance, no entry in the book.
      const removed = apply(pair, "a", "remove", now);
      if (removed.ok) pair = removed.pair;
      // Checked first: on PostgreSQL a failed insert would end the whole transaction.
      const key = { blockerId: me, blockedId: other };
      if (!(await tx.block.findUnique({ where: { blockerId_blockedId: key } }))) await tx.block.create({ data: key });
    }
    const after: PairRows = { pair, aInBook: inBookAfter(action, before.aInBook), bInBook: before.bInBook };
    return savePair(tx, me, other, before, after);
  });

  if (saved) {
    const blockedByOther = await deps.db.block.findUnique({ where: { blockerId_blockedId: { blockerId: other, blockedId: me } } });
    // A member who blocked the actor hears nothing of it (the request waits unseen, and lapses).
    const tell = blockedByOther
      ? [[me, saved.a] as const]
      : ([
          [me, saved.a],
          [other, saved.b],
        ] as const);
    await Promise.all(tell.map(([id, version]) => deps.bus.toMember(id, "roster", { version })));
    // Who sees whom may have changed both ways.
    await announceRulesChanged(deps, [me, other]);
  }
  const book = await listBook(deps.db, me, { onlyWith: other });
  return { version: book.version, entry: book.entries[0] ?? null };
}
