import { deleteRoom, roomName } from "../livekit";
import { groupByNumber, type Hunt, huntNext, huntOrder, inGroup } from "./routing/hunt-group";
import { STOPPED } from "./routing/describe-path";
import { liveDeviceIds } from "./routing/load-facts";
import { forwardAllowed, nextStep, parsePlan } from "./routing/plan";
import { holdCallee, routeCall, type Routed } from "./routing/route-call";
import { announce, type Deps, fromRow, ring, storeLegs, transition, viewFor } from "./service";
import * as sm from "./state";
import type { Call } from "./state";

/**
 * The server-side ring clock (server/web.ts runs it every second): a ringing call past its time is
 * missed, or, when the callee's rules planned more, rings the next device or is forwarded. Any number
 * of processes may sweep: each step is written only if the call is still as it was read.
 */
export async function sweepRinging(deps: Deps, only?: { callIds: string[] }): Promise<number> {
  const now = deps.now?.() ?? new Date();
  // `only`: tests that move the clock sweep their own calls, not every call in a shared database.
  const due = await deps.db.call.findMany({
    where: { status: "ringing", ringUntil: { lte: now }, ...(only && { id: { in: only.callIds } }) },
    select: { id: true, plan: true },
    take: 500,
  });
  let n = 0;
  for (const { id, plan } of due) {
    try {
      if (plan ? await advance(deps, id, now) : await transition(deps, { callId: id, memberId: null }, (c, at) => sm.timeOut(c, at))) n++;
    } catch {
      /* answered or ended meanwhile */
    }
  }
  return n;
}

/** Applies the next step of a ringing call's plan. False when another sweeper (or an answer) got there first. */
async function advance(deps: Deps, callId: string, now: Date): Promise<boolean> {
  const { db } = deps;
  const row = await db.call.findUnique({ where: { id: callId } });
  if (!row || row.status !== "ringing" || row.ringUntil > now || !row.plan) return false;
  const call = fromRow(row);
  const plan = parsePlan(call.plan);
  const asRead: AsRead = { id: callId, status: "ringing", ringUntil: call.ringUntil, calleeId: call.calleeId };
  // A member who turned invisible meanwhile has nothing left to ring: the rule's "otherwise" applies.
  const member = await db.member.findUnique({ where: { id: call.calleeId }, select: { presenceSetting: true } });
  if (plan?.hunt) return huntOn(deps, call, plan.hunt, asRead, now);
  const live = member?.presenceSetting === "invisible" ? new Set<string>() : await liveDeviceIds(db, call.calleeId, now);
  const step = plan ? nextStep(plan, live, now) : null;

  if (!step || step.type === "end") return missed(deps, call, asRead);

  if (step.type === "ring") {
    const data = { ringDevice: step.device?.id ?? null, ringUntil: step.until, plan: step.plan ? JSON.stringify(step.plan) : null };
    if ((await db.call.updateMany({ where: asRead, data })).count === 0) return false;
    const leg = await db.callLeg.findFirst({ where: { callId, result: null }, orderBy: { position: "desc" } });
    if (leg) await db.callLeg.update({ where: { id: leg.id }, data: { rang: [leg.rang, step.rang].filter(Boolean).join(", ") } });
    await ring(deps, { ...call, ...data });
    return true;
  }

  // Forward: the next member's rules decide from here; nobody already on the path is rung again.
  const legs = await db.callLeg.findMany({ where: { callId }, orderBy: { position: "asc" }, select: { memberId: true } });
  const path = [call.callerId, ...legs.map((l) => l.memberId)];
  const group = await groupByNumber(db, step.to);
  if (group) {
    if (!(await inGroup(db, group.id, call.calleeId))) return missed(deps, call, asRead, STOPPED.notInGroup(group.name));
    const hunt = { groupId: group.id, group: group.name, from: call.calleeId };
    const candidates = await huntOrder(db, group.id, path);
    return moveOn(deps, call, {
      asRead,
      now,
      position: legs.length,
      text: `Forwarded to the group ${group.name}.`,
      route: (tx) => huntNext(tx, { callerId: call.callerId, hunt, candidates, path, now, callId }),
      nobody: () => missed(deps, call, asRead, STOPPED.nobodyIn(group.name)),
    });
  }
  const target = await db.phoneNumber.findUnique({ where: { digits: step.to }, select: { memberId: true } });
  if (!target?.memberId || !forwardAllowed(path, target.memberId)) {
    return missed(deps, call, asRead, target?.memberId ? STOPPED.loop : STOPPED.noMember);
  }
  const targetId = target.memberId;
  const to = await db.member.findUnique({ where: { id: targetId }, select: { displayName: true } });
  return moveOn(deps, call, {
    asRead,
    now,
    position: legs.length,
    text: to ? `Forwarded to ${to.displayName}.` : "Forwarded.",
    route: async (tx) => {
      await tx.$executeRaw`UPDATE "Member" SET "presenceSetting" = "presenceSetting" WHERE "id" = ${targetId}`;
      const routed = await routeCall(tx, { callerId: call.callerId, calleeId: targetId, path: [...path, targetId], now, callId });
      return { routed, locked: [targetId] };
    },
  });
}

/**
 * The next member of a hunted group, or, when nobody is left, the call missed by the member who
 * forwarded to the group (the caller is offered their mailbox).
 */
async function huntOn(
  deps: Deps,
  call: Call,
  hunt: Hunt,
  asRead: AsRead,
  now: Date,
  left: "missed" | "declined" = "missed",
): Promise<boolean> {
  const { db } = deps;
  const legs = await db.callLeg.findMany({ where: { callId: call.id }, orderBy: { position: "asc" }, select: { memberId: true } });
  const path = [call.callerId, ...legs.map((l) => l.memberId)];
  return moveOn(deps, call, {
    asRead,
    now,
    position: legs.length,
    text: `Rang on in ${hunt.group}.`,
    leftResult: left,
    route: (tx) => huntNext(tx, { callerId: call.callerId, hunt, candidates: hunt.next, path, now, callId: call.id }),
    nobody: async () => {
      // Back to the member who forwarded, and missed by them (their own ringing stopped already).
      const data = {
        calleeId: hunt.from,
        ringUntil: now,
        ringDevice: null,
        plan: null,
        meantForId: call.meantForId === hunt.from ? null : call.meantForId,
      };
      if ((await db.call.updateMany({ where: asRead, data })).count === 0) return false;
      await db.callLeg.updateMany({ where: { callId: call.id, result: null }, data: { result: left, endedAt: now } });
      await tellMovedOn(deps, call, `Nobody in ${hunt.group} answered.`);
      return timeOutNow(deps, call.id);
    },
  });
}

type AsRead = { id: string; status: string; ringUntil: Date; calleeId: string };

/**
 * Rings whoever `route` picks next (a forward, or the next member of a hunted group), routed,
 * checked and stored in one transaction that holds their row, as placing a call does. When `route`
 * finds nobody to ring, `nobody` decides (by default the call is missed where it is). The member
 * rung until now is told where it went.
 */
async function moveOn(
  deps: Deps,
  call: Call,
  step: {
    asRead: AsRead;
    now: Date;
    position: number;
    text: string;
    route: (tx: Tx) => Promise<Routed | { routed: Routed; locked: string[] } | null>;
    /** What the part of the path that rang until now becomes. */
    leftResult?: "forwarded" | "missed" | "declined";
    nobody?: () => Promise<boolean>;
  },
): Promise<boolean> {
  const { db } = deps;
  const { asRead, now } = step;
  const callId = call.id;
  const stored = await db.$transaction(async (tx) => {
    const r = await step.route(tx);
    if (!r) return "nobody" as const;
    const [first, locked] = "routed" in r ? [r.routed, r.locked] : [r, []];
    const routed = await holdCallee(tx, first, locked, now, callId);
    const ended = !!routed.end;
    const data = {
      calleeId: routed.calleeId,
      meantForId: call.meantForId ?? call.calleeId,
      status: ended ? "ended" : "ringing",
      outcome: routed.end?.outcome ?? null,
      note: routed.end?.note ?? null,
      greeting: routed.end?.greeting ?? null,
      endedAt: ended ? now : null,
      ringUntil: routed.ring?.until ?? now,
      ringDevice: routed.ring?.device?.id ?? null,
      plan: routed.ring?.plan ? JSON.stringify(routed.ring.plan) : null,
      calleeSeen: false,
    };
    if ((await tx.call.updateMany({ where: asRead, data })).count === 0) return null;
    await tx.callLeg.updateMany({ where: { callId, result: null }, data: { result: step.leftResult ?? "forwarded", endedAt: now } });
    await storeLegs(tx, callId, step.position, routed, now);
    return { data, ended };
  });
  if (stored === "nobody") return step.nobody ? step.nobody() : missed(deps, call, asRead);
  if (!stored) return false;
  const { data, ended } = stored;
  const next: Call = { ...call, ...data, status: data.status as sm.CallStatus, outcome: data.outcome };
  await tellMovedOn(deps, call, step.text);
  if (ended) await deleteRoom(roomName(callId)).catch(() => {});
  if (next.status === "ringing") await ring(deps, next);
  await announce(deps, next);
  return true;
}

/**
 * Nothing more to ring: the call is missed for the member it rang last (and offered to the mailbox).
 * `stopped`: a forward their rule planned could not happen, and why (their part of the path says so).
 */
async function missed(deps: Deps, call: Call, asRead: object, stopped?: string): Promise<boolean> {
  const cleared = await deps.db.call.updateMany({ where: { ...asRead, plan: call.plan }, data: { plan: null } });
  if (cleared.count === 0) return false;
  const done = await timeOutNow(deps, call.id);
  if (stopped) {
    const leg = await deps.db.callLeg.findFirst({ where: { callId: call.id, result: "missed" }, orderBy: { position: "desc" } });
    if (leg)
      await deps.db.callLeg.update({ where: { id: leg.id }, data: { result: "loop", reason: `${leg.reason}; ${stopped}`.slice(0, 300) } });
  }
  return done;
}

/**
 * Ends a call whose ringing was just cut short (its ring time set to now, its plan cleared). The
 * sweep of another web process may see it due and end it first, the same way: that is no error.
 */
export async function timeOutNow(deps: Deps, callId: string): Promise<boolean> {
  try {
    return (await transition(deps, { callId, memberId: null }, (c, at) => sm.timeOut(c, at))).status === "ended";
  } catch (err) {
    const row = await deps.db.call.findUnique({ where: { id: callId }, select: { status: true } });
    if (row?.status === "ended") return true;
    throw err;
  }
}

/**
 * A group member rung in a hunt declines: the call goes on to the next member (or back to the
 * member who forwarded), as if their turn had run out. Null when the call is not a hunt ringing
 * them, so the decline is an ordinary one. Returns the call as the decliner last saw it, ended.
 */
export async function passHunt(deps: Deps, callId: string, memberId: string): Promise<Call | null> {
  const now = deps.now?.() ?? new Date();
  const row = await deps.db.call.findUnique({ where: { id: callId } });
  if (!row || row.status !== "ringing" || row.calleeId !== memberId || row.ringUntil <= now) return null;
  const call = fromRow(row);
  const hunt = parsePlan(call.plan)?.hunt;
  if (!hunt) return null;
  const asRead: AsRead = { id: callId, status: "ringing", ringUntil: call.ringUntil, calleeId: call.calleeId };
  if (!(await huntOn(deps, call, hunt, asRead, now, "declined"))) return null;
  return { ...call, status: "ended", outcome: "declined", endedAt: now, endedBy: memberId };
}

/**
 * The member the call rang before it moved on stops ringing, and sees where their rule sent it (the
 * next member or group, not wherever that member's own rules sent it on).
 */
async function tellMovedOn(deps: Deps, before: Call, text: string): Promise<void> {
  const view = await viewFor(deps.db, { ...before, status: "ended", endedAt: new Date() }, before.calleeId);
  await deps.bus.toMember(before.calleeId, "call", { ...view, outcome: null, outcomeText: text });
}

type Tx = Parameters<Parameters<Deps["db"]["$transaction"]>[0]>[0];
