import type { Db } from "../db/client";
import { listBook } from "./list-book";
import { writeVcards } from "./vcard";

/**
 * The owner's address book as a .vcf text: a card for each member in it (contacts and requests the
 * owner sent), none for requests waiting for the owner. Read through listBook, so only the owner's
 * own entries, nicknames, notes and groups.
 */
export async function exportVcard(db: Db, input: { ownerId: string; publicUrl: string }): Promise<string> {
  const book = await listBook(db, input.ownerId);
  const contacts = book.entries
    .filter((e) => e.inBook)
    .map((e) => ({
      handle: e.handle,
      displayName: e.displayName,
      number: e.formattedNumber ? e.formattedNumber.replace(/\D/g, "") : null,
      nickname: e.nickname,
      note: e.note,
      favourite: e.favourite,
      groups: e.groups.map((g) => g.name),
    }));
  return writeVcards(contacts, { publicUrl: input.publicUrl });
}
