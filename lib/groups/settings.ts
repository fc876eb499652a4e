import { randomBytes } from "node:crypto";
import type { BusPublisher } from "../bus/types";
import type { Db } from "../db/client";
import { DomainError } from "../errors";
import { hashPassword } from "../auth/password";
import { nameKey } from "../directory/search-keys";
import type { Storage } from "../storage";
import { sniffImage } from "../storage/sniff";
import { announceGroup } from "./membership";
import type { GroupSettingsInput } from "./schemas";

/** The group, when `memberId` is its owner or an admin (they keep its page); a plain member is told so, an outsider learns nothing. */
async function managed(db: Db, handle: string, memberId: string) {
  const g = await db.group.findUnique({
    where: { handleKey: handle.toLowerCase() },
    select: { id: true, photoKey: true, conversationId: true, members: { where: { memberId }, select: { role: true } } },
  });
  const role = g?.members[0]?.role;
  if (!g || !role || role === "requested") throw new DomainError("NOT_FOUND", "No such group");
  if (role !== "owner" && role !== "admin") throw new DomainError("FORBIDDEN", "Only the group's admins change its page");
  return g;
}

/**
 * Changes what the group's page says and who may join: name, description, listing, access, and the
 * password (a new one, or `null` to remove it; absent leaves it). The handle and number never change.
 */
export async function updateGroup(
  deps: { db: Db; bus: BusPublisher },
  handle: string,
  memberId: string,
  input: GroupSettingsInput,
): Promise<void> {
  const { db } = deps;
  const g = await managed(db, handle, memberId);
  const password = input.password === undefined ? undefined : input.password === null ? null : await hashPassword(input.password);
  await db.group.update({
    where: { id: g.id },
    data: {
      ...(input.name !== undefined ? { name: input.name, nameKey: nameKey(input.name) } : {}),
      ...(input.description !== undefined ? { description: input.description } : {}),
      ...(input.listed !== undefined ? { listed: input.listed } : {}),
      ...(input.access !== undefined ? { access: input.access } : {}),
      ...(password !== undefined ? { passwordHash: password } : {}),
    },
  });
  // The conversation is called after the group.
  if (input.name !== undefined && g.conversationId)
    await db.conversation.update({ where: { id: g.conversationId }, data: { title: input.name } });
  await announceGroup(deps, g.id);
}

/** A new picture for the group (JPEG, PNG or WebP, typed by its bytes); the old one's bytes are removed. */
export async function setGroupPhoto(
  deps: { db: Db; bus: BusPublisher; storage: Storage },
  handle: string,
  memberId: string,
  bytes: Uint8Array,
): Promise<void> {
  const g = await managed(deps.db, handle, memberId);
  const type = sniffImage(bytes);
  if (!type) throw new DomainError("UNSUPPORTED_MEDIA_TYPE", "The picture must be a JPEG, PNG or WebP image", { field: "photo" });
  const key = `group-photos/${randomBytes(12).toString("hex")}.${type.ext}`;
  await deps.storage.put(key, bytes);
  await deps.db.group.update({ where: { id: g.id }, data: { photoKey: key } });
  if (g.photoKey) await deps.storage.delete(g.photoKey).catch(() => undefined);
  await announceGroup(deps, g.id);
}

export async function groupPhotoKey(db: Db, handle: string): Promise<string | null> {
  return (await db.group.findUnique({ where: { handleKey: handle.toLowerCase() }, select: { photoKey: true } }))?.photoKey ?? null;
}
