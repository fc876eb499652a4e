import { env } from "../../env";
import { decide } from "./decide";
import { loadRoutingFacts, type Reader } from "./load-facts";
import { huntReason } from "./describe-path";
import { firstStep } from "./plan";
import { HUNT_MAX, HUNT_SECONDS } from "./rules";
import type { LegDraft, Routed } from "./route-call";

/**
 * A forward to a group's number hunts: the group's members are rung one after another (owner, then
 * admins, then members, longest-standing first), HUNT_SECONDS each, until one answers. A member is
 * rung only when their own rules would ring them for this caller now (so do-not-disturb, a rule
 * sending this caller to the mailbox, a block, a call in progress or no device connected passes
 * them by); nobody already on the call's path is rung again. When nobody answers, the call is
 * missed by the member who forwarded it, whose mailbox the caller is offered.
 */
/** Stored in the call's plan while a group is hunted. */
export type Hunt = {
  groupId: string;
  group: string;
  /** The member whose rule forwarded to the group: the call is missed by them if nobody answers. */
  from: string;
  /** Who is tried next, in order (checked again when their turn comes). */
  next: string[];
};

export type GroupRef = { id: string; name: string; handle: string };

/** The group a number belongs to, if it is a group's. */
export async function groupByNumber(db: Reader, digits: string): Promise<GroupRef | null> {
  const n = await db.phoneNumber.findUnique({ where: { digits }, select: { group: { select: { id: true, name: true, handle: true } } } });
  return n?.group ?? null;
}

export async function inGroup(db: Reader, groupId: string, memberId: string): Promise<boolean> {
  const m = await db.groupMember.findUnique({ where: { groupId_memberId: { groupId, memberId } }, select: { role: true } });
  return !!m && m.role !== "requested";
}

const ROLE_ORDER: Record<string, number> = { owner: 0, admin: 1, member: 2 };

/** The group's members in the order they are tried, leaving out everyone on the path. */
export async function huntOrder(db: Reader, groupId: string, path: string[]): Promise<string[]> {
  const rows = await db.groupMember.findMany({
    where: { groupId, role: { in: ["owner", "admin", "member"] }, memberId: { notIn: path } },
    select: { memberId: true, role: true, joinedAt: true },
  });
  rows.sort((a, b) => (ROLE_ORDER[a.role] ?? 3) - (ROLE_ORDER[b.role] ?? 3) || a.joinedAt.getTime() - b.joinedAt.getTime());
  return rows.slice(0, HUNT_MAX).map((r) => r.memberId);
}

/**
 * Rings the first of `candidates` whose rules would ring them now, all their devices at once; the
 * rest wait in the plan. Null when none of them can be rung. Reads only.
 */
export async function huntNext(
  db: Reader,
  input: { callerId: string; hunt: Omit<Hunt, "next">; candidates: string[]; path: string[]; now: Date; callId?: string },
): Promise<Routed | null> {
  const { callerId, hunt, path, now } = input;
  // Membership is read again at every turn: who left the group since is not rung, and a forwarder who left ends the hunt.
  if (!(await inGroup(db, hunt.groupId, hunt.from))) return null;
  const still = await db.groupMember.findMany({
    where: { groupId: hunt.groupId, memberId: { in: input.candidates }, role: { in: ["owner", "admin", "member"] } },
    select: { memberId: true },
  });
  const members = new Set(still.map((m) => m.memberId));
  const candidates = input.candidates.filter((id) => members.has(id) && !path.includes(id));
  // The caller and whoever forwarded the call here (not the group's members rung before).
  const forwarders = path.includes(hunt.from) ? path.slice(0, path.indexOf(hunt.from) + 1) : [callerId, hunt.from];
  for (let i = 0; i < candidates.length; i++) {
    const memberId = candidates[i]!;
    // Nobody is rung on behalf of someone they blocked, nor rung by a caller who blocked them.
    const blocks = await db.block.count({
      where: {
        OR: [
          { blockerId: memberId, blockedId: { in: forwarders } },
          { blockerId: callerId, blockedId: memberId },
        ],
      },
    });
    if (blocks > 0) continue;
    const facts = await loadRoutingFacts(db, { memberId, callerId, now, callId: input.callId });
    if (!facts || facts.blocked) continue;
    const decision = decide({
      doc: facts.doc,
      caller: facts.caller,
      status: facts.status,
      now,
      defaultRingSeconds: env().CALL_RING_SECONDS,
    });
    const step = firstStep(decision, { devices: facts.devices, inCall: facts.inCall, now });
    if (step.type !== "ring") continue;
    const leg: LegDraft = { memberId, rang: facts.devices.map((d) => d.label).join(", "), result: null, reason: huntReason(hunt.group) };
    return {
      calleeId: memberId,
      legs: [leg],
      ring: {
        device: null,
        until: new Date(now.getTime() + HUNT_SECONDS * 1000),
        plan: { devices: [], seconds: HUNT_SECONDS, otherwise: { type: "mailbox" }, hunt: { ...hunt, next: candidates.slice(i + 1) } },
      },
      end: null,
    };
  }
  return null;
}
