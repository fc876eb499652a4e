import type { Db } from "../../db/client";
import { env } from "../../env";
import type { Outcome } from "../state";
import { decide } from "./decide";
import { STOPPED } from "./describe-path";
import { type GroupRef, groupByNumber, huntNext, huntOrder, inGroup } from "./hunt-group";
import { inActiveCall, loadRoutingFacts, type Reader, RECONNECTING, type RoutingFacts } from "./load-facts";
import { type Device, firstStep, forwardAllowed, type LegResult, MAX_FORWARDS, type Plan, type Step } from "./plan";
import type { CallerFacts, RoutingStatus } from "./rules";

/** One member's part of a call's path, before it is stored (CallLeg). `result` null: ringing now. */
export type LegDraft = { memberId: string; rang: string; result: LegResult | null; reason: string };

/** Where a call goes from one member on: who it rings and how, or how it ends, and the path to there. */
export type Routed = {
  calleeId: string;
  legs: LegDraft[];
  ring: { device: Device | null; until: Date; plan: Plan | null } | null;
  /** `greeting`: the slot the member's rule chose for the caller's message, if not the current one. */
  end: { outcome: Outcome; note: string | null; greeting?: "standard" | "temporary" } | null;
  /** "What happens if…" stopped at a forward to this group (whose members are hunted). */
  toGroup?: GroupRef;
};

/** For "what happens if…": the first member's facts as the member imagines them. */
export type Suppose = { status?: RoutingStatus; caller?: CallerFacts };

/** The member's facts with the status and caller they imagine: offline has nothing to ring, busy is in a call. */
function supposed(facts: RoutingFacts, s: Suppose): RoutingFacts {
  const status = s.status ?? facts.status;
  const devices = status === "offline" ? [] : facts.devices.length > 0 ? facts.devices : [{ id: RECONNECTING.id, label: "your devices" }];
  return { ...facts, status, caller: s.caller ?? facts.caller, devices, inCall: status === "busy" };
}

async function memberByNumber(db: Reader, digits: string): Promise<string | null> {
  const n = await db.phoneNumber.findUnique({ where: { digits }, select: { memberId: true } });
  return n?.memberId ?? null;
}

/**
 * Routes a call from `calleeId` on: runs that member's rules, follows forwards through the next
 * members' rules, and stops at the first member whose devices ring or where the call ends. `path`
 * holds who is already on it (the caller first): a forward back to any of them is cut, and the call
 * stops with the member who forwarded (to their mailbox). Reads only; the caller stores the result.
 */
export async function routeCall(
  db: Reader,
  input: {
    callerId: string;
    calleeId: string;
    path: string[];
    now: Date;
    callId?: string;
    suppose?: Suppose;
    /** "What happens if…": stop at the first forward; the next member's rules, presence and blocks are theirs. */
    firstHopOnly?: boolean;
  },
): Promise<Routed> {
  const { callerId, now } = input;
  const path = [...input.path];
  const legs: LegDraft[] = [];
  let target = input.calleeId;
  let suppose = input.suppose;
  for (;;) {
    const loaded = await loadRoutingFacts(db, { memberId: target, callerId, now, callId: input.callId });
    const facts: RoutingFacts | null = loaded && suppose ? supposed(loaded, suppose) : loaded;
    suppose = undefined;
    if (!facts) return { calleeId: target, legs, ring: null, end: { outcome: "unavailable", note: null } };
    if (facts.blocked) {
      legs.push({ memberId: target, rang: "", result: "unavailable", reason: "Blocked" });
      return { calleeId: target, legs, ring: null, end: { outcome: "unavailable", note: null } };
    }
    const decision = decide({
      doc: facts.doc,
      caller: facts.caller,
      status: facts.status,
      now,
      defaultRingSeconds: env().CALL_RING_SECONDS,
    });
    const step: Step = firstStep(decision, { devices: facts.devices, inCall: facts.inCall, now });
    if (step.type === "forward") {
      const group = await groupByNumber(db, step.to);
      if (group) return toGroup(db, { ...input, path }, { from: target, group, legs, reason: decision.reason });
      const next = await memberByNumber(db, step.to);
      if (next && input.firstHopOnly && forwardAllowed(path, next)) {
        legs.push({ memberId: target, rang: "", result: "forwarded", reason: decision.reason });
        legs.push({ memberId: next, rang: "", result: null, reason: "" });
        return { calleeId: next, legs, ring: null, end: null };
      }
      // Nobody is rung by a forward from someone they blocked, nor on behalf of a caller they blocked.
      const refused = next && (await db.block.count({ where: { blockerId: next, blockedId: { in: path } } })) > 0;
      if (!next || !forwardAllowed(path, next) || refused) {
        const why = !next ? STOPPED.noMember : refused ? STOPPED.refused : STOPPED.loop;
        legs.push({ memberId: target, rang: "", result: "loop", reason: `${decision.reason}; ${why}` });
        return { calleeId: target, legs, ring: null, end: { outcome: "unavailable", note: null } };
      }
      legs.push({ memberId: target, rang: "", result: "forwarded", reason: decision.reason });
      path.push(next);
      target = next;
      continue;
    }
    if (step.type === "end") {
      legs.push({ memberId: target, rang: "", result: step.result, reason: decision.reason });
      return { calleeId: target, legs, ring: null, end: { outcome: step.outcome, note: step.note, greeting: step.greeting } };
    }
    legs.push({ memberId: target, rang: step.rang, result: null, reason: decision.reason });
    const device = step.device && step.device.id !== RECONNECTING.id ? step.device : null;
    return { calleeId: target, legs, ring: { device, until: step.until, plan: step.plan }, end: null };
  }
}

/**
 * A forward to a group's number: its members are hunted (hunt-group.ts). Only a member of the group
 * forwards to it (checked when saving, and again here for one who left since). Nobody to ring ends
 * the call with the member who forwarded, as a cut forward does.
 */
async function toGroup(
  db: Reader,
  input: { callerId: string; path: string[]; now: Date; callId?: string; firstHopOnly?: boolean },
  at: { from: string; group: GroupRef; legs: LegDraft[]; reason: string },
): Promise<Routed> {
  const { from, group, legs, reason } = at;
  const stop = (why: string): Routed => ({
    calleeId: from,
    legs: [...legs, { memberId: from, rang: "", result: "loop", reason: `${reason}; ${why}` }],
    ring: null,
    end: { outcome: "unavailable", note: null },
  });
  if (!(await inGroup(db, group.id, from))) return stop(STOPPED.notInGroup(group.name));
  if (input.path.length > MAX_FORWARDS + 1) return stop(STOPPED.loop);
  if (input.firstHopOnly) {
    return {
      calleeId: from,
      legs: [...legs, { memberId: from, rang: "", result: "forwarded", reason }],
      ring: null,
      end: null,
      toGroup: group,
    };
  }
  const hunted = await huntNext(db, {
    callerId: input.callerId,
    hunt: { groupId: group.id, group: group.name, from },
    candidates: await huntOrder(db, group.id, input.path),
    path: input.path,
    now: input.now,
    callId: input.callId,
  });
  if (!hunted) return stop(STOPPED.nobodyIn(group.name));
  return { ...hunted, legs: [...legs, { memberId: from, rang: "", result: "forwarded", reason }, ...hunted.legs] };
}

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

/**
 * "One call at a time" for a member reached by a forward: their row is locked (as placing a call
 * locks the caller's and the dialled member's) and whether they are in a call is read again under
 * the lock. In one now, the call ends busy with them. Call inside the transaction that stores it.
 */
export async function holdCallee(tx: Tx, routed: Routed, locked: string[], now: Date, callId?: string): Promise<Routed> {
  if (!routed.ring || locked.includes(routed.calleeId)) return routed;
  await tx.$executeRaw`UPDATE "Member" SET "presenceSetting" = "presenceSetting" WHERE "id" = ${routed.calleeId}`;
  if (!(await inActiveCall(tx, routed.calleeId, now, callId))) return routed;
  const legs = routed.legs.map((l, i) => (i === routed.legs.length - 1 ? { ...l, rang: "", result: "busy" as const } : l));
  return { ...routed, legs, ring: null, end: { outcome: "busy", note: null } };
}
