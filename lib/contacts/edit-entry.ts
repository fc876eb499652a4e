import type { BusPublisher } from "../bus";
import type { Db } from "../db/client";
import { DomainError } from "../errors";
import { announceRulesChanged } from "../presence/announce-rules";
import { type BookEntry, listBook } from "./list-book";
import { nextRosterVersion } from "./pair-store";

export type EntryEdit = { nickname?: string; note?: string; favourite?: boolean; groupIds?: string[] };

export const NICKNAME_MAX = 64;
export const NOTE_MAX = 1000;

/**
 * The owner's own words about a contact in their book: nickname, note, star, and the groups it is
 * filed in (all of them the owner's). Only the owner's devices are told.
 */
export async function editEntry(
  deps: { db: Db; bus: BusPublisher },
  input: { ownerId: string; contactId: string; edit: EntryEdit },
): Promise<BookEntry> {
  const { ownerId, contactId, edit } = input;
  if (edit.nickname !== undefined && edit.nickname.length > NICKNAME_MAX) {
    throw new DomainError("VALIDATION_FAILED", `A nickname has at most ${NICKNAME_MAX} characters.`, { field: "nickname" });
  }
  if (edit.note !== undefined && edit.note.length > NOTE_MAX) {
    throw new DomainError("VALIDATION_FAILED", `A note has at most ${NOTE_MAX} characters.`, { field: "note" });
  }
  const version = await deps.db.$transaction(async (tx) => {
    const entry = await tx.contact.findUnique({ where: { ownerId_contactId: { ownerId, contactId } }, select: { inBook: true } });
    if (!entry?.inBook) throw new DomainError("NOT_FOUND", "This member is not in your address book.");
    const rosterVersion = await nextRosterVersion(tx, ownerId);
    if (edit.groupIds) {
      const wanted = [...new Set(edit.groupIds)];
      const owned = await tx.contactGroup.findMany({ where: { ownerId, id: { in: wanted } }, select: { id: true } });
      if (owned.length !== wanted.length) throw new DomainError("NOT_FOUND", "One of those groups does not exist (any more).");
      await tx.contactGroupEntry.deleteMany({ where: { ownerId, contactId } });
      for (const groupId of wanted) await tx.contactGroupEntry.create({ data: { groupId, ownerId, contactId } });
    }
    await tx.contact.update({
      where: { ownerId_contactId: { ownerId, contactId } },
      data: {
        version: rosterVersion,
        ...(edit.nickname !== undefined ? { nickname: edit.nickname.trim() } : {}),
        ...(edit.note !== undefined ? { note: edit.note } : {}),
        ...(edit.favourite !== undefined ? { favourite: edit.favourite } : {}),
      },
    });
    return rosterVersion;
  });
  await deps.bus.toMember(ownerId, "roster", { version });
  // Groups carry presence detail: the contact may now see the owner differently.
  if (edit.groupIds) await announceRulesChanged(deps, [ownerId]);
  const book = await listBook(deps.db, ownerId, { onlyWith: contactId });
  const entry = book.entries[0];
  if (!entry) throw new DomainError("NOT_FOUND", "This member is not in your address book.");
  return entry;
}
