import { normalizeText } from "../directory/search-keys";
import { DomainError } from "../errors";
import { actOnContact, type ContactDeps } from "./act-on-contact";
import { editEntry, type EntryEdit, NICKNAME_MAX, NOTE_MAX } from "./edit-entry";
import { createGroup, GROUP_NAME_MAX, listGroups } from "./groups";
import { type BookEntry, listBook } from "./list-book";
import { readVcards, type VcardCandidate } from "./vcard";

export type ImportStatus = "added" | "requested" | "already" | "not-found" | "refused";

export type ImportedCard = {
  /** 1-based position of the card in the file. */
  card: number;
  /** The name the card gives. */
  name: string;
  status: ImportStatus;
  /** The member the card was matched to. */
  member?: { id: string; handle: string; displayName: string };
  /** Why it was refused, or what "already" means. */
  reason?: string;
  /** What could not be applied (a group not created, say); the card itself went through. */
  warnings?: string[];
};

export type ImportReport = { cards: number; counts: Record<ImportStatus, number>; results: ImportedCard[] };

export type ImportDeps = ContactDeps & {
  /**
   * Called before each contact request the import sends (not for members already in the book):
   * the route passes the contact-request rate limit, which throws RATE_LIMITED.
   */
  beforeRequest?: () => Promise<void>;
};

/**
 * Imports a .vcf text into the owner's book. The whole file is read first: a file that is not
 * vCard, or holds too many cards, is refused and nothing changes. Then each card is matched to a
 * member (handle, portal address, or number) and, when the member is not in the book yet, a contact
 * request is sent exactly as adding by number does (blocks, the book's cap, roster versions, the
 * rate limit). Nickname, note, star and groups are filled in where the entry has none: an entry's
 * own words are never overwritten, so importing the same file again changes nothing.
 */
export async function importVcard(deps: ImportDeps, input: { ownerId: string; text: string; publicUrl: string }): Promise<ImportReport> {
  const { ownerId } = input;
  const candidates = readVcards(input.text, { publicUrl: input.publicUrl });
  const members = await resolveMembers(deps, candidates);

  const book = new Map((await listBook(deps.db, ownerId)).entries.map((e) => [e.memberId, e]));
  const groups = new Map((await listGroups(deps.db, ownerId)).map((g) => [groupKey(g.name), g.id]));
  let groupsFull: string | null = null;
  let rateLimited: string | null = null;

  /** The owner's group ids for the card's group names, creating the missing ones while there is room. */
  async function groupIdsFor(names: string[], warnings: string[]): Promise<string[]> {
    const ids: string[] = [];
    for (const raw of names) {
      const name = raw.trim().replace(/\s+/g, " ").slice(0, GROUP_NAME_MAX).trim();
      const key = groupKey(name);
      if (!key) {
        warnings.push(`The group “${raw}” has no letters or digits: left out.`);
        continue;
      }
      let id = groups.get(key);
      if (!id) {
        if (groupsFull) {
          warnings.push(`The group “${name}” was not created: ${groupsFull}`);
          continue;
        }
        try {
          id = (await createGroup(deps, { ownerId, name })).id;
          groups.set(key, id);
        } catch (err) {
          if (!(err instanceof DomainError)) throw err;
          // Someone (another tab) may have created it meanwhile: look again before giving up.
          const again = (await listGroups(deps.db, ownerId)).find((g) => groupKey(g.name) === key);
          if (!again) {
            if (err.code === "CONFLICT") groupsFull = err.message;
            warnings.push(`The group “${name}” was not created: ${err.message}`);
            continue;
          }
          id = again.id;
          groups.set(key, id);
        }
      }
      ids.push(id);
    }
    return ids;
  }

  /** Fills in what the entry lacks; returns the entry as it is after. */
  async function fillIn(entry: BookEntry, c: VcardCandidate, warnings: string[]): Promise<BookEntry> {
    const edit: EntryEdit = {};
    const nickname = c.nickname.trim().slice(0, NICKNAME_MAX).trim();
    if (!entry.nickname && nickname) edit.nickname = nickname;
    const note = c.note.slice(0, NOTE_MAX);
    if (!entry.note && note) edit.note = note;
    if (c.favourite && !entry.favourite) edit.favourite = true;
    const have = entry.groups.map((g) => g.id);
    const wanted = await groupIdsFor(c.groups, warnings);
    const missing = wanted.filter((id) => !have.includes(id));
    if (missing.length) edit.groupIds = [...have, ...missing];
    if (!Object.keys(edit).length) return entry;
    try {
      return await editEntry(deps, { ownerId, contactId: entry.memberId, edit });
    } catch (err) {
      if (!(err instanceof DomainError)) throw err;
      warnings.push(`Nickname, note and groups were not applied: ${err.message}`);
      return entry;
    }
  }

  const results: ImportedCard[] = [];
  for (const c of candidates) {
    const base = { card: c.card, name: c.name };
    const found = members.get(c.card);
    const member = found ? { id: found.id, handle: found.handle, displayName: found.displayName } : undefined;
    if (found && found.id === ownerId) {
      results.push({ ...base, member, status: "refused", reason: "This card is you." });
      continue;
    }
    const warnings: string[] = [];
    const existing = found ? book.get(found.id) : undefined;
    if (found && existing?.inBook) {
      book.set(found.id, await fillIn(existing, c, warnings));
      const reason = existing.pendingOut ? "Your request is already waiting for an answer." : "Already in your address book.";
      results.push({ ...base, member, status: "already", reason, ...(warnings.length ? { warnings } : {}) });
      continue;
    }
    // Every look-up of someone not in the book counts, found or not, as adding by number does: a
    // file of numbers must not tell who has them faster than the rate limit lets anyone ask.
    if (!rateLimited) {
      try {
        await deps.beforeRequest?.();
      } catch (err) {
        if (!(err instanceof DomainError) || err.code !== "RATE_LIMITED") throw err;
        rateLimited = err.message;
      }
    }
    if (rateLimited) {
      results.push({ ...base, status: "refused", reason: rateLimited });
      continue;
    }
    if (!found || !member) {
      results.push({ ...base, status: "not-found", reason: whyNotFound(c) });
      continue;
    }
    let entry: BookEntry | null;
    try {
      entry = (await actOnContact(deps, { memberId: ownerId, otherId: found.id, action: "request" })).entry;
    } catch (err) {
      if (!(err instanceof DomainError)) throw err;
      results.push({ ...base, member, status: "refused", reason: err.message });
      continue;
    }
    if (!entry) {
      results.push({ ...base, member, status: "refused", reason: "The request did not go through." });
      continue;
    }
    book.set(found.id, await fillIn(entry, c, warnings));
    results.push({ ...base, member, status: entry.pendingOut ? "requested" : "added", ...(warnings.length ? { warnings } : {}) });
  }

  const counts: Record<ImportStatus, number> = { added: 0, requested: 0, already: 0, "not-found": 0, refused: 0 };
  for (const r of results) counts[r.status]++;
  return { cards: candidates.length, counts, results };
}

const groupKey = (name: string) => normalizeText(name.trim().replace(/\s+/g, " "));

type Found = { id: string; handle: string; displayName: string };

/**
 * Each card's member: by handle (the X-PORTAL-HANDLE property or the portal address), else by the
 * first of its numbers that a member has. Two queries for the whole file.
 */
async function resolveMembers(deps: ContactDeps, candidates: VcardCandidate[]): Promise<Map<number, Found>> {
  const handles = [...new Set(candidates.flatMap((c) => (c.handle ? [c.handle] : [])))];
  const digits = [...new Set(candidates.flatMap((c) => c.numbers))];
  const select = { id: true, handle: true, displayName: true } as const;
  const [byHandle, byNumber] = await Promise.all([
    handles.length ? deps.db.member.findMany({ where: { handleKey: { in: handles } }, select: { ...select, handleKey: true } }) : [],
    digits.length
      ? deps.db.phoneNumber.findMany({
          where: { digits: { in: digits }, memberId: { not: null } },
          select: { digits: true, member: { select } },
        })
      : [],
  ]);
  const handleMap = new Map(byHandle.map((m) => [m.handleKey, { id: m.id, handle: m.handle, displayName: m.displayName }]));
  const numberMap = new Map(byNumber.flatMap((n) => (n.member ? [[n.digits, n.member] as const] : [])));
  const out = new Map<number, Found>();
  for (const c of candidates) {
    const m = (c.handle ? handleMap.get(c.handle) : undefined) ?? c.numbers.map((d) => numberMap.get(d)).find(Boolean);
    if (m) out.set(c.card, m);
  }
  return out;
}

function whyNotFound(c: VcardCandidate): string {
  if (c.handle || c.numbers.length) return "No member has this card's portal address or number.";
  return "This card has no portal address or 12-digit number.";
}
