import type { Book, BookEntry } from "./list-book";

/** What a browser holds of the address book: the roster version and the entries at that version. */
export type HeldBook = { version: number; entries: BookEntry[] };

const nameOf = (e: BookEntry) => e.nickname || e.displayName;

/**
 * Applies a change set fetched with `?since=<held version>` (RFC 6121 roster versioning): changed
 * entries replace what is held, `gone` ones drop out. A change set older than what is held changes
 * nothing, so a slow answer cannot undo a newer one.
 */
export function mergeBook(held: HeldBook, delta: Book): HeldBook {
  if (delta.version < held.version) return held;
  const byId = new Map(held.entries.map((e) => [e.memberId, e]));
  for (const id of delta.gone) byId.delete(id);
  for (const e of delta.entries) byId.set(e.memberId, e);
  const entries = [...byId.values()].sort((x, y) => nameOf(x).localeCompare(nameOf(y)));
  return { version: delta.version, entries };
}

/** Contacts (in the book) matching a search: name, nickname, handle or number, ignoring case and spaces. */
export function searchBook(entries: BookEntry[], query: string): BookEntry[] {
  const q = query.trim().toLowerCase();
  if (!q) return entries;
  const digits = q.replace(/[\s-]/g, "");
  return entries.filter(
    (e) =>
      e.displayName.toLowerCase().includes(q) ||
      e.nickname.toLowerCase().includes(q) ||
      e.handle.toLowerCase().includes(q) ||
      (/^\d+$/.test(digits) && (e.formattedNumber ?? "").replace(/\s/g, "").includes(digits)),
  );
}
