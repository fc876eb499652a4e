import { deleteRoom, roomName } from "../livekit";
import { liveDeviceIds } from "./routing/load-facts";
import { forwardAllowed, nextStep, parsePlan } from "./routing/plan";
import { holdCallee, routeCall } from "./routing/route-call";
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
  const asRead = { id: callId, status: "ringing", ringUntil: call.ringUntil, calleeId: call.calleeId };
  // A member who turned invisible meanwhile has nothing left to ring: the rule's "otherwise" applies.
  const member = await db.member.findUnique({ where: { id: call.calleeId }, select: { presenceSetting: true } });
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
  const target = await db.phoneNumber.findUnique({ where: { digits: step.to }, select: { memberId: true } });
  if (!target?.memberId || !forwardAllowed(path, target.memberId)) {
    return missed(deps, call, asRead, "loop");
  }
  const targetId = target.memberId;
  // Routed, checked and stored in one transaction that holds the target's row, as placing a call does.
  const stored = await db.$transaction(async (tx) => {
    await tx.$executeRaw`UPDATE "Member" SET "presenceSetting" = "presenceSetting" WHERE "id" = ${targetId}`;
    const routed = await holdCallee(
      tx,
      await routeCall(tx, { callerId: call.callerId, calleeId: targetId, path: [...path, targetId], now, callId }),
      [targetId],
      now,
      callId,
    );
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
    await tx.callLeg.updateMany({ where: { callId, result: null }, data: { result: "forwarded", endedAt: now } });
    await storeLegs(tx, callId, legs.length, routed, now);
    return { data, ended };
  });
  if (!stored) return false;
  const { data, ended } = stored;
  const next: Call = { ...call, ...data, status: data.status as sm.CallStatus, outcome: data.outcome };
  await tellForwarded(deps, call, targetId);
  if (ended) await deleteRoom(roomName(callId)).catch(() => {});
  if (next.status === "ringing") await ring(deps, next);
  await announce(deps, next);
  return true;
}

/** Nothing more to ring: the call is missed for the member it rang last (and offered to the mailbox). */
async function missed(deps: Deps, call: Call, asRead: object, legResult?: "loop"): Promise<boolean> {
  const cleared = await deps.db.call.updateMany({ where: { ...asRead, plan: call.plan }, data: { plan: null } });
  if (cleared.count === 0) return false;
  const done = await transition(deps, { callId: call.id, memberId: null }, (c, at) => sm.timeOut(c, at));
  if (legResult) await deps.db.callLeg.updateMany({ where: { callId: call.id, result: "missed" }, data: { result: legResult } });
  return done.status === "ended";
}

/**
 * The member the call rang before a forward stops ringing, and sees where their rule sent it (the
 * next member, not wherever that member's own rules sent it on).
 */
async function tellForwarded(deps: Deps, before: Call, firstHopId: string): Promise<void> {
  const view = await viewFor(deps.db, { ...before, status: "ended", endedAt: new Date() }, before.calleeId);
  const to = await deps.db.member.findUnique({ where: { id: firstHopId }, select: { displayName: true } });
  await deps.bus.toMember(before.calleeId, "call", {
    ...view,
    outcome: null,
    outcomeText: to ? `Forwarded to ${to.displayName}.` : "Forwarded.",
  });
}
