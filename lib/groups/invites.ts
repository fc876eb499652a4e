import { createHash, randomBytes } from "node:crypto";
import type { Db } from "../db/client";
import { DomainError } from "../errors";

export type InviteView = { id: string; expiresAt: string; maxUses: number | null; uses: number; revoked: boolean; createdAt: string };

const hashOf = (token: string) => createHash("sha256").update(token).digest("hex");

/** The group, when `memberId` is its owner or an admin: who gives out and takes back links. */
async function adminGroup(db: Db, handle: string, memberId: string) {
  const g = await db.group.findFirst({
    where: { handleKey: handle.toLowerCase(), members: { some: { memberId, role: { in: ["owner", "admin"] } } } },
    select: { id: true },
  });
  if (!g) {
    const inside = await db.groupMember.findFirst({ where: { group: { handleKey: handle.toLowerCase() }, memberId, role: "member" } });
    if (inside) throw new DomainError("FORBIDDEN", "Only the group's admins give out invitation links");
    throw new DomainError("NOT_FOUND", "No such group");
  }
  return g;
}

const view = (i: {
  id: string;
  expiresAt: Date;
  maxUses: number | null;
  uses: number;
  revokedAt: Date | null;
  createdAt: Date;
}): InviteView => ({
  id: i.id,
  expiresAt: i.expiresAt.toISOString(),
  maxUses: i.maxUses,
  uses: i.uses,
  revoked: i.revokedAt !== null,
  createdAt: i.createdAt.toISOString(),
});

/**
 * A link that lets people in (past the password and the admins' approval) until it expires, is used
 * `maxUses` times, or is revoked. Its secret is shown once, here; the database keeps its hash.
 */
export async function createInvite(
  db: Db,
  handle: string,
  memberId: string,
  opts: { expiresInHours: number; maxUses: number | null; now?: Date },
): Promise<{ invite: InviteView; token: string }> {
  const g = await adminGroup(db, handle, memberId);
  const token = randomBytes(24).toString("base64url");
  const now = opts.now ?? new Date();
  const row = await db.groupInvite.create({
    data: {
      groupId: g.id,
      tokenHash: hashOf(token),
      createdById: memberId,
      expiresAt: new Date(now.getTime() + opts.expiresInHours * 3600_000),
      maxUses: opts.maxUses,
    },
  });
  return { invite: view(row), token };
}

export async function listInvites(db: Db, handle: string, memberId: string): Promise<InviteView[]> {
  const g = await adminGroup(db, handle, memberId);
  const rows = await db.groupInvite.findMany({ where: { groupId: g.id }, orderBy: { createdAt: "desc" }, take: 100 });
  return rows.map(view);
}

export async function revokeInvite(db: Db, handle: string, memberId: string, inviteId: string): Promise<void> {
  const g = await adminGroup(db, handle, memberId);
  const { count } = await db.groupInvite.updateMany({
    where: { id: inviteId, groupId: g.id, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  if (count === 0 && !(await db.groupInvite.findFirst({ where: { id: inviteId, groupId: g.id } }))) {
    throw new DomainError("NOT_FOUND", "No such invitation");
  }
}

/**
 * Spends one use of a link for `groupId`: the count goes up only while uses remain, in one
 * statement, so two people racing for the last use cannot both have it. Every refusal says the same
 * thing, so a link's state is not revealed to someone guessing.
 */
export async function spendInvite(db: Db, groupId: string, token: string, now = new Date()): Promise<void> {
  const refused = new DomainError("FORBIDDEN", "This invitation link has expired, been used up or been revoked: ask for a new one");
  const invite = await db.groupInvite.findUnique({ where: { tokenHash: hashOf(token) } });
  if (!invite || invite.groupId !== groupId || invite.revokedAt || invite.expiresAt <= now) throw refused;
  const { count } =
    invite.maxUses === null
      ? await db.groupInvite.updateMany({ where: { id: invite.id }, data: { uses: { increment: 1 } } })
      : await db.groupInvite.updateMany({ where: { id: invite.id, uses: { lt: invite.maxUses } }, data: { uses: { increment: 1 } } });
  if (count === 0) throw refused;
}
