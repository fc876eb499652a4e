import type { BusPublisher } from "../bus";
import type { Db } from "../db/client";
import { recordInParts } from "../db/in-parts";
import { DomainError } from "../errors";
import { announceRulesChanged } from "./announce-rules";
import type { PublicStatus } from "./status";
import {
  type Audience,
  AUDIENCES,
  DEFAULT_VISIBILITY,
  type Detail,
  DETAILS,
  type Relation,
  STRANGER,
  statusSeenBy,
  type VisibilitySettings,
  visibilitySettings,
} from "./visibility";

const audience = (v: string): Audience => ((AUDIENCES as readonly string[]).includes(v) ? (v as Audience) : DEFAULT_VISIBILITY.audience);
const detail = (v: string, fallback: Detail): Detail => ((DETAILS as readonly string[]).includes(v) ? (v as Detail) : fallback);

/** Each member's choice of who sees them and how much, groups included. */
export async function loadVisibility(db: Db, ownerIds: string[]): Promise<Map<string, VisibilitySettings>> {
  const ids = [...new Set(ownerIds)];
  if (ids.length === 0) return new Map();
  const [members, groups] = await Promise.all([
    db.member.findMany({
      where: { id: { in: ids } },
      select: { id: true, presenceAudience: true, presenceEveryoneDetail: true, presenceContactDetail: true },
    }),
    db.contactGroup.findMany({
      where: { ownerId: { in: ids }, detail: { in: [...DETAILS] } },
      select: { id: true, ownerId: true, detail: true },
    }),
  ]);
  const out = new Map<string, VisibilitySettings>();
  for (const m of members) {
    out.set(m.id, visibilitySettings(m, new Map(groups.filter((g) => g.ownerId === m.id).map((g) => [g.id, detail(g.detail, "full")]))));
  }
  return out;
}

/** How one watcher (null: signed out) stands with each member watched. */
export async function relationsTo(db: Db, ownerIds: string[], watcherId: string | null): Promise<Map<string, Relation>> {
  const ids = [...new Set(ownerIds)];
  const out = new Map<string, Relation>(ids.map((id) => [id, { ...STRANGER, self: id === watcherId }]));
  if (!watcherId || ids.length === 0) return out;
  const [subs, entries, blinds, blocks] = await Promise.all([
    db.contact.findMany({ where: { ownerId: watcherId, contactId: { in: ids }, sees: "approved" }, select: { contactId: true } }),
    db.contactGroupEntry.findMany({ where: { ownerId: { in: ids }, contactId: watcherId }, select: { ownerId: true, groupId: true } }),
    db.presenceBlind.findMany({ where: { ownerId: { in: ids }, hiddenFromId: watcherId }, select: { ownerId: true } }),
    db.block.findMany({ where: { blockerId: { in: ids }, blockedId: watcherId }, select: { blockerId: true } }),
  ]);
  for (const s of subs) out.get(s.contactId)!.contact = true;
  for (const e of entries) out.set(e.ownerId, { ...out.get(e.ownerId)!, groups: [...out.get(e.ownerId)!.groups, e.groupId] });
  for (const b of blinds) out.get(b.ownerId)!.blinded = true;
  for (const b of blocks) out.get(b.blockerId)!.blocked = true;
  return out;
}

/** How each of many watchers (null: signed out) stands with one member: four queries whatever their number. */
export async function relationsFrom(db: Db, ownerId: string, watcherIds: (string | null)[]): Promise<Map<string | null, Relation>> {
  const ids = [...new Set(watcherIds.filter((w): w is string => w !== null))];
  const out = new Map<string | null, Relation>(watcherIds.map((w) => [w, { ...STRANGER, self: w === ownerId }]));
  if (ids.length === 0) return out;
  const [subs, entries, blinds, blocks] = await Promise.all([
    db.contact.findMany({ where: { ownerId: { in: ids }, contactId: ownerId, sees: "approved" }, select: { ownerId: true } }),
    db.contactGroupEntry.findMany({ where: { ownerId, contactId: { in: ids } }, select: { contactId: true, groupId: true } }),
    db.presenceBlind.findMany({ where: { ownerId, hiddenFromId: { in: ids } }, select: { hiddenFromId: true } }),
    db.block.findMany({ where: { blockerId: ownerId, blockedId: { in: ids } }, select: { blockedId: true } }),
  ]);
  for (const s of subs) out.get(s.ownerId)!.contact = true;
  for (const e of entries) out.set(e.contactId, { ...out.get(e.contactId)!, groups: [...out.get(e.contactId)!.groups, e.groupId] });
  for (const b of blinds) out.get(b.hiddenFromId)!.blinded = true;
  for (const b of blocks) out.get(b.blockedId)!.blocked = true;
  return out;
}

/** Statuses as one watcher may see them: the rules applied to what the read model says. */
export async function statusesSeenBy(
  db: Db,
  statuses: Record<string, PublicStatus>,
  watcherId: string | null,
): Promise<Record<string, PublicStatus>> {
  return recordInParts(Object.keys(statuses), async (ids) => {
    const [settings, relations] = await Promise.all([loadVisibility(db, ids), relationsTo(db, ids, watcherId)]);
    const out: Record<string, PublicStatus> = {};
    for (const id of ids) {
      out[id] = statusSeenBy(statuses[id]!, settings.get(id) ?? DEFAULT_VISIBILITY, relations.get(id) ?? STRANGER);
    }
    return out;
  });
}

export type VisibilityChoice = { audience?: Audience; everyoneDetail?: Detail; contactDetail?: Detail };

const choiceSelect = { presenceAudience: true, presenceEveryoneDetail: true, presenceContactDetail: true } as const;
const asChoice = (m: {
  presenceAudience: string;
  presenceEveryoneDetail: string;
  presenceContactDetail: string;
}): Required<VisibilityChoice> => ({
  audience: audience(m.presenceAudience),
  everyoneDetail: detail(m.presenceEveryoneDetail, "full"),
  contactDetail: detail(m.presenceContactDetail, "full"),
});

export async function getVisibility(db: Db, memberId: string): Promise<Required<VisibilityChoice>> {
  return asChoice(await db.member.findUniqueOrThrow({ where: { id: memberId }, select: choiceSelect }));
}

export async function setVisibility(
  deps: { db: Db; bus: BusPublisher },
  memberId: string,
  choice: VisibilityChoice,
): Promise<Required<VisibilityChoice>> {
  const m = await deps.db.member.update({
    where: { id: memberId },
    data: {
      ...(choice.audience ? { presenceAudience: choice.audience } : {}),
      ...(choice.everyoneDetail ? { presenceEveryoneDetail: choice.everyoneDetail } : {}),
      ...(choice.contactDetail ? { presenceContactDetail: choice.contactDetail } : {}),
    },
    select: choiceSelect,
  });
  await announceRulesChanged(deps, [memberId]);
  return asChoice(m);
}

/** "Appear offline to": on or off for one member. */
export async function setHiddenFrom(deps: { db: Db; bus: BusPublisher }, ownerId: string, otherId: string, hidden: boolean): Promise<void> {
  const { db } = deps;
  if (ownerId === otherId) throw new DomainError("BAD_REQUEST", "You always see yourself.");
  const key = { ownerId, hiddenFromId: otherId };
  if (!hidden) await db.presenceBlind.deleteMany({ where: key });
  else {
    if (!(await db.member.findUnique({ where: { id: otherId }, select: { id: true } })))
      throw new DomainError("NOT_FOUND", "No such member.");
    if (!(await db.presenceBlind.findUnique({ where: { ownerId_hiddenFromId: key } }))) await db.presenceBlind.create({ data: key });
  }
  await announceRulesChanged(deps, [ownerId]);
}
