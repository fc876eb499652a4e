import type { BusPublisher } from "../bus/types";
import type { Db } from "../db/client";
import { DomainError } from "../errors";
import { verifyPassword } from "../auth/password";
import type { CounterStore } from "../http/rate-limit";
import { formatWait } from "../http/rate-limit";
import { announceConversation } from "../messages/announce";
import { spendInvite } from "./invites";
import { leaveRoom } from "./room";
import type { GroupRole } from "./schemas";

/** Wrong group passwords from one address: five, then 15 minutes locked out of that group. */
export const PASSWORD_TRIES = 5;
export const PASSWORD_LOCK_MS = 15 * 60_000;

type Deps = { db: Db; bus: BusPublisher };

/** The group's members and the person concerned learn that its people changed (the page follows live); those asking to join do not. */
export async function announceGroup(deps: Deps, groupId: string, also: string[] = []): Promise<void> {
  const rows = await deps.db.groupMember.findMany({ where: { groupId, role: { not: "requested" } }, select: { memberId: true } });
  const to = new Set([...rows.map((r) => r.memberId), ...also]);
  await Promise.allSettled([...to].map((memberId) => deps.bus.toMember(memberId, "group", { groupId })));
}

async function groupByHandle(db: Db, handle: string) {
  const g = await db.group.findUnique({
    where: { handleKey: handle.toLowerCase() },
    select: { id: true, name: true, access: true, passwordHash: true, conversationId: true },
  });
  if (!g) throw new DomainError("NOT_FOUND", "No such group");
  return g;
}

/** Into the group's conversation (accepted: joining the group is the consent), or out of it. */
async function inConversation(db: Db, conversationId: string | null, memberId: string, inside: boolean) {
  if (!conversationId) return;
  if (inside) {
    const c = await db.conversation.findUnique({ where: { id: conversationId }, select: { lastSeq: true } });
    // A newcomer sees the history, with nothing unread (as in a group conversation).
    await db.conversationMember.upsert({
      where: { conversationId_memberId: { conversationId, memberId } },
      create: { conversationId, memberId, readSeq: c?.lastSeq ?? 0, deliveredSeq: c?.lastSeq ?? 0 },
      update: {},
    });
  } else {
    await db.conversationMember.deleteMany({ where: { conversationId, memberId } });
  }
}

/** Two joins at once: the key (group, member) lets one in; the other finds it. */
async function addMember(db: Db, groupId: string, memberId: string, role: "member" | "requested") {
  await db.groupMember.createMany({ data: [{ groupId, memberId, role }] }).catch(async (err: unknown) => {
    if (!(await db.groupMember.findUnique({ where: { groupId_memberId: { groupId, memberId } } }))) throw err;
  });
}

export type JoinResult = { state: "member" | "requested" };

/**
 * A signed-in member joins: an open group at once, a group by request as a request for its admins,
 * a group by invitation not at all this way. A password, when set, is checked first; five wrong
 * ones from an address lock that address out of the group for 15 minutes (counted in `store`, keyed
 * by group and address, so nobody can lock out others).
 */
export async function joinGroup(
  deps: Deps & { store: CounterStore },
  handle: string,
  memberId: string,
  opts: { password?: string; invite?: string; address: string },
): Promise<JoinResult> {
  const g = await groupByHandle(deps.db, handle);
  const existing = await deps.db.groupMember.findUnique({ where: { groupId_memberId: { groupId: g.id, memberId } } });
  // Someone who asked while the group was by request, asking again now that it is open, goes through.
  const reAsk = existing?.role === "requested" && (opts.invite || g.access === "open");
  if (existing && !reAsk) return { state: existing.role === "requested" ? "requested" : "member" };
  // An invitation lets in at once: past the password, the admins' approval and "by invitation only".
  if (opts.invite) {
    await spendInvite(deps.db, g.id, opts.invite);
    if (existing) await deps.db.groupMember.update({ where: { groupId_memberId: { groupId: g.id, memberId } }, data: { role: "member" } });
    else await addMember(deps.db, g.id, memberId, "member");
    await inConversation(deps.db, g.conversationId, memberId, true);
    await announceGroup(deps, g.id, [memberId]);
    if (g.conversationId) await announceConversation(deps, g.conversationId);
    return { state: "member" };
  }
  if (g.access === "invite") throw new DomainError("FORBIDDEN", "This group is by invitation only: ask a member for a link");
  if (g.passwordHash) {
    const lockKey = `group-password-lock:${g.id}:${opts.address}`;
    const triesKey = `group-password-tries:${g.id}:${opts.address}`;
    const lockedOut = (seconds: number) =>
      new DomainError("RATE_LIMITED", `Too many wrong passwords; try again in ${formatWait(seconds)}`, {
        retryAfterSeconds: seconds,
        field: "password",
      });
    const lock = await deps.store.peek(lockKey);
    if (lock.count > 0) throw lockedOut(Math.max(1, Math.ceil(lock.resetInMs / 1000)));
    if (!opts.password) throw new DomainError("FORBIDDEN", "This group asks for a password", { field: "password" });
    // Counted before the check, so guesses sent at once are counted too: a sixth is refused unseen.
    const tries = await deps.store.incr(triesKey, PASSWORD_LOCK_MS);
    // The tries are not reset when the lock is set: a try that came in between would start again at one.
    const lockNow = async () => {
      await deps.store.incr(lockKey, PASSWORD_LOCK_MS);
      return lockedOut(PASSWORD_LOCK_MS / 1000);
    };
    if (tries.count > PASSWORD_TRIES) throw await lockNow();
    if (!(await verifyPassword(g.passwordHash, opts.password))) {
      if (tries.count >= PASSWORD_TRIES) throw await lockNow();
      throw new DomainError("FORBIDDEN", `Wrong password (${PASSWORD_TRIES - tries.count} more tries)`, { field: "password" });
    }
    await deps.store.reset(triesKey);
  }
  const role = g.access === "request" ? "requested" : "member";
  if (existing) await deps.db.groupMember.update({ where: { groupId_memberId: { groupId: g.id, memberId } }, data: { role } });
  else await addMember(deps.db, g.id, memberId, role);
  if (role === "member") await inConversation(deps.db, g.conversationId, memberId, true);
  await announceGroup(deps, g.id, [memberId]);
  if (role === "member" && g.conversationId) await announceConversation(deps, g.conversationId);
  return { state: role === "requested" ? "requested" : "member" };
}

/** Leaves the group and its conversation, or withdraws a request. The owner hands the group over first. */
export async function leaveGroup(deps: Deps, handle: string, memberId: string): Promise<void> {
  const g = await groupByHandle(deps.db, handle);
  const mine = await deps.db.groupMember.findUnique({ where: { groupId_memberId: { groupId: g.id, memberId } } });
  if (!mine) throw new DomainError("NOT_FOUND", "You are not in this group");
  // A group always has an owner: the group is a durable record, not a room that vanishes when it empties.
  if (mine.role === "owner") throw new DomainError("CONFLICT", "Make someone else the owner before you leave");
  await deps.db.groupMember.delete({ where: { groupId_memberId: { groupId: g.id, memberId } } });
  await inConversation(deps.db, g.conversationId, memberId, false);
  if (g.conversationId && mine.role !== "requested") await announceConversation(deps, g.conversationId, [memberId]);
  await leaveRoom(g.id, memberId);
  await announceGroup(deps, g.id, [memberId]);
}

const RANK: Record<GroupRole | "requested", number> = { owner: 3, admin: 2, member: 1, requested: 0 };

/**
 * What an admin (or the owner) does to someone in the group. Admins approve and refuse requests and
 * remove members; the owner also makes and unmakes admins, removes admins, and hands the group over
 * (becoming an admin). Nobody acts on someone of their rank or above, the owner on themselves.
 */
export async function actOnMember(
  deps: Deps,
  handle: string,
  actorId: string,
  targetId: string,
  action: "approve" | "refuse" | "make-admin" | "make-member" | "remove" | "make-owner",
): Promise<void> {
  const g = await groupByHandle(deps.db, handle);
  const [actor, target] = await Promise.all([
    deps.db.groupMember.findUnique({ where: { groupId_memberId: { groupId: g.id, memberId: actorId } } }),
    deps.db.groupMember.findUnique({ where: { groupId_memberId: { groupId: g.id, memberId: targetId } } }),
  ]);
  // Someone outside the group learns nothing of it: the same answer as a group that does not exist.
  if (!actor || actor.role === "requested") throw new DomainError("NOT_FOUND", "No such group");
  if (!target) throw new DomainError("NOT_FOUND", "This person is not in the group");
  const actorRank = RANK[actor.role as GroupRole];
  const ownerOnly = action === "make-admin" || action === "make-member" || action === "make-owner";
  if (actorRank < RANK.admin || (ownerOnly && actor.role !== "owner") || RANK[target.role as GroupRole] >= actorRank) {
    throw new DomainError("FORBIDDEN", "You cannot do that in this group");
  }
  const requested = target.role === "requested";
  if ((action === "approve" || action === "refuse") !== requested) {
    throw new DomainError("CONFLICT", requested ? "Approve or refuse the request first" : "There is no request to answer");
  }
  // Each change applies only while the roles are still the ones read: two changes at once (two tabs,
  // a double click) cannot make two owners, or none.
  const still = { groupId: g.id, memberId: targetId, role: target.role };
  const changed = (count: number) => {
    if (count !== 1) throw new DomainError("CONFLICT", "Someone changed this at the same moment: look again and retry");
  };
  switch (action) {
    case "approve":
      changed((await deps.db.groupMember.updateMany({ where: still, data: { role: "member", joinedAt: new Date() } })).count);
      await inConversation(deps.db, g.conversationId, targetId, true);
      if (g.conversationId) await announceConversation(deps, g.conversationId);
      break;
    case "refuse":
    case "remove":
      changed((await deps.db.groupMember.deleteMany({ where: still })).count);
      await inConversation(deps.db, g.conversationId, targetId, false);
      if (g.conversationId && !requested) await announceConversation(deps, g.conversationId, [targetId]);
      await leaveRoom(g.id, targetId);
      break;
    case "make-admin":
    case "make-member":
      // The actor's row is held (a no-op write that only lands while they are still the owner), so a
      // hand-over racing this change makes one of the two refuse: never two owners, or none.
      await deps.db.$transaction(async (tx) => {
        changed(
          (await tx.groupMember.updateMany({ where: { groupId: g.id, memberId: actorId, role: "owner" }, data: { role: "owner" } })).count,
        );
        changed((await tx.groupMember.updateMany({ where: still, data: { role: action === "make-admin" ? "admin" : "member" } })).count);
      });
      break;
    case "make-owner":
      await deps.db.$transaction(async (tx) => {
        changed(
          (await tx.groupMember.updateMany({ where: { groupId: g.id, memberId: actorId, role: "owner" }, data: { role: "admin" } })).count,
        );
        changed((await tx.groupMember.updateMany({ where: still, data: { role: "owner" } })).count);
      });
      break;
  }
  await announceGroup(deps, g.id, [targetId]);
}
