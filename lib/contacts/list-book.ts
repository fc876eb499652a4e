import type { Db } from "../db/client";
import { SHOWN_NUMBER, shownNumber } from "../numbers/spelling";
import { getStatuses } from "../presence/read-model";
import { detailFor, STRANGER } from "../presence/visibility";
import { loadVisibility, relationsTo } from "../presence/visibility-store";
import { directionOf } from "./pair-store";
import { expire, itemFor, type Pair, type RosterItem } from "./subscription";

/** One entry of a member's address book (or a request to them), as their browser sees it. */
export type BookEntry = RosterItem & {
  memberId: string;
  handle: string;
  displayName: string;
  formattedNumber: string | null;
  photoUrl: string | null;
  inBook: boolean;
  nickname: string;
  note: string;
  favourite: boolean;
  groups: { id: string; name: string }[];
  /** When the member asked to see them (pending out), and when they asked (pending in). */
  requestedAt: string | null;
  requestedInAt: string | null;
  /** When their last connection closed, shown only to those who may see their full presence. */
  lastSeenAt: string | null;
  /** The owner chose to appear offline to them. */
  appearOffline: boolean;
  version: number;
};

export type Book = { version: number; entries: BookEntry[]; /** With `since`: ids whose entry is gone. */ gone: string[] };

const card = {
  select: {
    id: true,
    handle: true,
    displayName: true,
    photoKey: true,
    presenceSeenAt: true,
    presenceSetting: true,
    number: { select: SHOWN_NUMBER },
  },
} as const;
/**
 * The member's address book and the requests waiting for them. With `since` (a roster version the
 * browser holds), only what changed after it: entries to replace, and `gone` for those to drop. A
 * request from someone the member blocked is never shown.
 */
export async function listBook(db: Db, memberId: string, opts: { since?: number; onlyWith?: string; now?: Date } = {}): Promise<Book> {
  const now = (opts.now ?? new Date()).getTime();
  const me = await db.member.findUniqueOrThrow({ where: { id: memberId }, select: { rosterVersion: true } });
  const own = await db.contact.findMany({
    where: {
      ownerId: memberId,
      ...(opts.onlyWith ? { contactId: opts.onlyWith } : {}),
      ...(opts.since !== undefined ? { version: { gt: opts.since } } : {}),
    },
    include: { contact: card, groups: { include: { group: { select: { id: true, name: true, position: true } } } } },
  });
  const ids = own.map((r) => r.contactId);
  const [reverse, blocked, settings, relations, blinds] = await Promise.all([
    db.contact.findMany({ where: { contactId: memberId, ownerId: { in: ids } } }),
    db.block.findMany({ where: { blockerId: memberId, blockedId: { in: ids } }, select: { blockedId: true } }),
    loadVisibility(db, ids),
    relationsTo(db, ids, memberId),
    db.presenceBlind.findMany({ where: { ownerId: memberId, hiddenFromId: { in: ids } }, select: { hiddenFromId: true } }),
  ]);
  const hidden = new Set(blinds.map((b) => b.hiddenFromId));
  // "Last seen" only of someone offline now: while they are connected it would tell when an earlier,
  // possibly invisible, visit ended.
  const live = await getStatuses(db, ids);
  const theirs = new Map(reverse.map((r) => [r.ownerId, r]));
  const isBlocked = new Set(blocked.map((b) => b.blockedId));

  const entries: BookEntry[] = [];
  const gone: string[] = [];
  for (const r of own) {
    const other = theirs.get(r.contactId);
    // A request past its time reads as lapsed before any sweep has stored it so.
    const pair: Pair = expire({ ab: directionOf(r), ba: directionOf(other) }, now);
    const item = itemFor(pair, "a");
    if (isBlocked.has(r.contactId)) item.pendingIn = false;
    if (!r.inBook && !item.pendingIn) {
      gone.push(r.contactId);
      continue;
    }
    const m = r.contact;
    const s = settings.get(m.id);
    // "Last seen" tells when someone was online: only for those shown their full presence, never while invisible.
    const full =
      !!s && detailFor(s, relations.get(m.id) ?? STRANGER) === "full" && m.presenceSetting !== "invisible" && live[m.id] === "offline";
    entries.push({
      ...item,
      memberId: m.id,
      handle: m.handle,
      displayName: m.displayName,
      formattedNumber: shownNumber(m.number),
      photoUrl: m.photoKey ? `/api/members/${encodeURIComponent(m.handle)}/photo` : null,
      inBook: r.inBook,
      nickname: r.nickname,
      note: r.note,
      favourite: r.favourite,
      groups: r.groups
        .map((g) => g.group)
        .sort((x, y) => x.position - y.position || x.name.localeCompare(y.name))
        .map(({ id, name }) => ({ id, name })),
      requestedAt: item.pendingOut && pair.ab.requestedAt !== null ? new Date(pair.ab.requestedAt).toISOString() : null,
      requestedInAt: item.pendingIn && pair.ba.requestedAt !== null ? new Date(pair.ba.requestedAt).toISOString() : null,
      lastSeenAt: full && m.presenceSeenAt ? m.presenceSeenAt.toISOString() : null,
      appearOffline: hidden.has(m.id),
      version: r.version,
    });
  }
  entries.sort((x, y) => (x.nickname || x.displayName).localeCompare(y.nickname || y.displayName));
  return { version: me.rosterVersion, entries, gone: opts.since !== undefined ? gone : [] };
}
