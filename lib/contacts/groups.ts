import type { BusPublisher } from "../bus";
import type { Db } from "../db/client";
import { normalizeText } from "../directory/search-keys";
import { DomainError } from "../errors";
import { announceRulesChanged } from "../presence/announce-rules";
import type { Detail } from "../presence/visibility";
import { lockMember, nextRosterVersion, type Tx } from "./pair-store";

export type ContactGroupView = { id: string; name: string; detail: Detail | null; position: number; size: number };

export const GROUP_NAME_MAX = 40;
export const MAX_GROUPS = 50;

type Deps = { db: Db; bus: BusPublisher };

function checkName(name: string): { name: string; nameKey: string } {
  const clean = name.trim().replace(/\s+/g, " ");
  if (!clean) throw new DomainError("VALIDATION_FAILED", "Give the group a name.", { field: "name" });
  if (clean.length > GROUP_NAME_MAX) {
    throw new DomainError("VALIDATION_FAILED", `A group name has at most ${GROUP_NAME_MAX} characters.`, { field: "name" });
  }
  return { name: clean, nameKey: normalizeText(clean) };
}

export async function listGroups(db: Db, ownerId: string): Promise<ContactGroupView[]> {
  const rows = await db.contactGroup.findMany({
    where: { ownerId },
    orderBy: [{ position: "asc" }, { name: "asc" }],
    include: { _count: { select: { entries: true } } },
  });
  return rows.map((g) => ({
    id: g.id,
    name: g.name,
    detail: g.detail === "full" || g.detail === "basic" ? g.detail : null,
    position: g.position,
    size: g._count.entries,
  }));
}

/** Entries of a group whose name or detail changed carry a new version, so other devices refetch them. */
async function touchEntries(tx: Tx, ownerId: string, groupId: string): Promise<number> {
  const rosterVersion = await nextRosterVersion(tx, ownerId);
  const entries = await tx.contactGroupEntry.findMany({ where: { groupId, ownerId }, select: { contactId: true } });
  if (entries.length) {
    await tx.contact.updateMany({
      where: { ownerId, contactId: { in: entries.map((e) => e.contactId) } },
      data: { version: rosterVersion },
    });
  }
  return rosterVersion;
}

async function nameTaken(tx: Tx, ownerId: string, nameKey: string, except?: string): Promise<boolean> {
  const g = await tx.contactGroup.findUnique({ where: { ownerId_nameKey: { ownerId, nameKey } }, select: { id: true } });
  return !!g && g.id !== except;
}

export async function createGroup(deps: Deps, input: { ownerId: string; name: string; detail?: Detail | null }): Promise<ContactGroupView> {
  const { name, nameKey } = checkName(input.name);
  const group = await deps.db.$transaction(async (tx) => {
    // Serializes one member's group edits (PostgreSQL): the count and the name check hold until commit.
    await lockMember(tx, input.ownerId);
    const count = await tx.contactGroup.count({ where: { ownerId: input.ownerId } });
    if (count >= MAX_GROUPS) throw new DomainError("CONFLICT", `You have ${MAX_GROUPS} groups already: remove one first.`);
    if (await nameTaken(tx, input.ownerId, nameKey))
      throw new DomainError("CONFLICT", `You have a group called ${name} already.`, { field: "name" });
    return tx.contactGroup.create({ data: { ownerId: input.ownerId, name, nameKey, detail: input.detail ?? "", position: count } });
  });
  return { id: group.id, name: group.name, detail: input.detail ?? null, position: group.position, size: 0 };
}

export async function updateGroup(
  deps: Deps,
  input: { ownerId: string; groupId: string; name?: string; detail?: Detail | null; position?: number },
): Promise<ContactGroupView> {
  const version = await deps.db.$transaction(async (tx) => {
    await lockMember(tx, input.ownerId);
    const group = await tx.contactGroup.findFirst({ where: { id: input.groupId, ownerId: input.ownerId } });
    if (!group) throw new DomainError("NOT_FOUND", "This group does not exist (any more).");
    const named = input.name !== undefined ? checkName(input.name) : null;
    if (named && (await nameTaken(tx, input.ownerId, named.nameKey, group.id))) {
      throw new DomainError("CONFLICT", `You have a group called ${named.name} already.`, { field: "name" });
    }
    await tx.contactGroup.update({
      where: { id: group.id },
      data: {
        ...(named ?? {}),
        ...(input.detail !== undefined ? { detail: input.detail ?? "" } : {}),
        ...(input.position !== undefined ? { position: input.position } : {}),
      },
    });
    return touchEntries(tx, input.ownerId, group.id);
  });
  await deps.bus.toMember(input.ownerId, "roster", { version });
  if (input.detail !== undefined) await announceRulesChanged(deps, [input.ownerId]);
  const view = (await listGroups(deps.db, input.ownerId)).find((g) => g.id === input.groupId);
  if (!view) throw new DomainError("NOT_FOUND", "This group does not exist (any more).");
  return view;
}

/** The group goes; its contacts stay in the book. */
export async function deleteGroup(deps: Deps, input: { ownerId: string; groupId: string }): Promise<void> {
  const version = await deps.db.$transaction(async (tx) => {
    const group = await tx.contactGroup.findFirst({ where: { id: input.groupId, ownerId: input.ownerId }, select: { id: true } });
    if (!group) throw new DomainError("NOT_FOUND", "This group does not exist (any more).");
    const v = await touchEntries(tx, input.ownerId, group.id);
    await tx.contactGroup.delete({ where: { id: group.id } });
    return v;
  });
  await deps.bus.toMember(input.ownerId, "roster", { version });
  await announceRulesChanged(deps, [input.ownerId]);
}
