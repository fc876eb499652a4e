import type { Db } from "../db/client";
import { DomainError } from "../errors";
import type { BusPublisher } from "../bus";
import { SHOWN_NUMBER, shownNumber } from "../numbers/spelling";
import { getStatuses } from "../presence/read-model";
import { inActiveCall } from "./routing/load-facts";
import { parsePlan } from "./routing/plan";
import { holdCallee, routeCall, type Routed } from "./routing/route-call";
import { deleteRoom, roomName } from "../livekit";
import * as sm from "./state";
import type { Call, CallKind, Outcome, Step } from "./state";

/** What a party's browser learns about a call, live through the bus and on request. */
export type CallView = {
  id: string;
  kind: CallKind;
  status: sm.CallStatus;
  outcome: Outcome | null;
  outcomeText: string | null;
  role: "caller" | "callee";
  ringUntil: string;
  answeredAt: string | null;
  endedAt: string | null;
  other: { id: string; handle: string; displayName: string; formattedNumber: string | null; photoUrl: string | null };
  /** Forwarded: who the caller dialled ("Ada's call, forwarded"). */
  meantFor: { handle: string; displayName: string } | null;
  /** The text the callee's rules declined the call with. */
  note: string | null;
};

export type Deps = { db: Db; bus: BusPublisher; now?: () => Date };

export function fromRow(r: {
  id: string;
  callerId: string;
  calleeId: string;
  kind: string;
  status: string;
  outcome: string | null;
  createdAt: Date;
  ringUntil: Date;
  answeredAt: Date | null;
  answeredDevice: string | null;
  endedAt: Date | null;
  endedBy: string | null;
  meantForId: string | null;
  ringDevice: string | null;
  plan: string | null;
  note: string | null;
}): Call {
  const { id, callerId, calleeId, createdAt, ringUntil, answeredAt, answeredDevice, endedAt, endedBy, meantForId, ringDevice, plan, note } =
    r;
  return {
    id,
    callerId,
    calleeId,
    createdAt,
    ringUntil,
    answeredAt,
    answeredDevice,
    endedAt,
    endedBy,
    meantForId,
    ringDevice,
    plan,
    note,
    kind: r.kind as CallKind,
    status: r.status as sm.CallStatus,
    outcome: r.outcome as Outcome | null,
  };
}

export async function memberCard(db: Db, id: string) {
  const m = await db.member.findUnique({
    where: { id },
    select: { id: true, handle: true, displayName: true, photoKey: true, number: { select: SHOWN_NUMBER } },
  });
  if (!m) throw new DomainError("NOT_FOUND", "That member no longer exists.");
  return {
    id: m.id,
    handle: m.handle,
    displayName: m.displayName,
    formattedNumber: shownNumber(m.number),
    photoUrl: m.photoKey ? `/api/members/${encodeURIComponent(m.handle)}/photo` : null,
  };
}

export async function viewFor(db: Db, call: Call, memberId: string): Promise<CallView> {
  const role = call.callerId === memberId ? "caller" : "callee";
  return {
    id: call.id,
    kind: call.kind,
    status: call.status,
    outcome: call.outcome,
    outcomeText: call.outcome ? sm.outcomeText(call.outcome) : null,
    role,
    ringUntil: call.ringUntil.toISOString(),
    answeredAt: call.answeredAt?.toISOString() ?? null,
    endedAt: call.endedAt?.toISOString() ?? null,
    other: await memberCard(db, role === "caller" ? shownCallee(call) : call.callerId),
    meantFor: call.meantForId ? await meantFor(db, call.meantForId) : null,
    note: call.note,
  };
}

/** While a group's members are rung in turn, the caller sees the member who forwarded, not who in the group rings. */
function shownCallee(call: Call): string {
  const hunt = call.status === "ringing" ? parsePlan(call.plan)?.hunt : undefined;
  return hunt ? hunt.from : call.calleeId;
}

async function meantFor(db: Db, id: string) {
  return db.member.findUnique({ where: { id }, select: { handle: true, displayName: true } });
}

/** Tells both parties what happened, and everyone watching them whether they are busy now. */
export async function announce({ db, bus }: Deps, call: Call): Promise<void> {
  const [a, b] = await Promise.all([viewFor(db, call, call.callerId), viewFor(db, call, call.calleeId)]);
  await Promise.all([bus.toMember(call.callerId, "call", a), bus.toMember(call.calleeId, "call", b)]);
  if (call.status !== "ringing") {
    const statuses = await getStatuses(db, [call.callerId, call.calleeId]);
    // Connected: both are in a call now, which nodes learn from the notice. Ended: whether either is
    // still in another call (a busy callee) is the database's to say, so nodes read their facts again.
    const inCall = call.status === "connected" ? { inCall: true } : {};
    await bus.presenceChanged(Object.entries(statuses).map(([memberId, status]) => ({ memberId, status, ...inCall })));
  }
}

/**
 * Places a call. "One call at a time" is checked and the call stored in one transaction that first
 * locks both members' rows (in id order, so two such transactions never wait on each other in a
 * circle): on PostgreSQL a second call by or to either member waits there and then sees the first;
 * on SQLite the transaction holds the write lock from its start (BEGIN IMMEDIATE) anyway. The
 * callee's routing rules (lib/calls/routing) decide whether it rings, where, or ends at once.
 */
export async function placeCall(deps: Deps, input: { callerId: string; calleeId: string; kind: CallKind }): Promise<Call> {
  const { db } = deps;
  const now = deps.now?.() ?? new Date();
  if (input.callerId === input.calleeId) throw new DomainError("BAD_REQUEST", "You cannot call yourself.");
  const call = await db.$transaction(async (tx) => {
    for (const id of [input.callerId, input.calleeId].sort()) {
      await tx.$executeRaw`UPDATE "Member" SET "presenceSetting" = "presenceSetting" WHERE "id" = ${id}`;
    }
    const callee = await tx.member.findUnique({ where: { id: input.calleeId }, select: { id: true } });
    if (!callee) throw new DomainError("NOT_FOUND", "No member has that number.");
    if (await inActiveCall(tx, input.callerId, now)) throw new DomainError("CONFLICT", "You are already in a call: hang up first.");
    const routed = await holdCallee(
      tx,
      await routeCall(tx, { callerId: input.callerId, calleeId: input.calleeId, path: [input.callerId, input.calleeId], now }),
      [input.callerId, input.calleeId],
      now,
    );
    const draft = sm.newCall({
      id: "",
      callerId: input.callerId,
      calleeId: routed.calleeId,
      kind: input.kind,
      now,
      outcome: routed.end?.outcome ?? null,
      ringUntil: routed.ring?.until ?? now,
      meantForId: routed.calleeId === input.calleeId ? null : input.calleeId,
      ringDevice: routed.ring?.device?.id ?? null,
      plan: routed.ring?.plan ? JSON.stringify(routed.ring.plan) : null,
      note: routed.end?.note ?? null,
    });
    const { id: _drop, ...data } = draft;
    // Not seen until the callee looks at it missed (lib/calls/history.ts counts only missed calls).
    const row = fromRow(await tx.call.create({ data: { ...data, calleeSeen: false, greeting: routed.end?.greeting ?? null } }));
    await storeLegs(tx, row.id, 0, routed, now);
    return row;
  });
  if (call.status === "ringing") await ring(deps, call);
  return call;
}

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

/** Appends a routing result's legs to the call's path, from `position` on. */
export async function storeLegs(db: Db | Tx, callId: string, position: number, routed: Routed, now: Date): Promise<void> {
  if (routed.legs.length === 0) return;
  await db.callLeg.createMany({
    data: routed.legs.map((l, i) => ({
      callId,
      position: position + i,
      memberId: l.memberId,
      rang: l.rang,
      result: l.result,
      reason: l.reason.slice(0, 300),
      startedAt: now,
      endedAt: l.result ? now : null,
    })),
  });
}

/** Rings the callee: every device, or the one whose turn it is (the presence server sends it to that device only). */
export async function ring(deps: Deps, call: Call): Promise<void> {
  const caller = await memberCard(deps.db, call.callerId);
  const meant = call.meantForId ? await meantFor(deps.db, call.meantForId) : null;
  await deps.bus.toMember(call.calleeId, "call-ring", {
    callId: call.id,
    kind: call.kind,
    ringUntil: call.ringUntil.toISOString(),
    caller,
    ...(call.ringDevice ? { device: call.ringDevice } : {}),
    ...(meant ? { meantFor: meant } : {}),
  });
}

/**
 * What rings for a member's device right now: a page that opens (or reconnects) mid-ring asks, so it
 * rings too; a call ringing the member's devices in turn rings only the device whose turn it is.
 */
export async function incomingFor(db: Db, memberId: string, deviceId: string, now = new Date()) {
  const row = await db.call.findFirst({
    where: { calleeId: memberId, status: "ringing", ringUntil: { gt: now }, OR: [{ ringDevice: null }, { ringDevice: deviceId }] },
    orderBy: { createdAt: "desc" },
  });
  if (!row) return null;
  const meant = row.meantForId ? await meantFor(db, row.meantForId) : null;
  return {
    callId: row.id,
    kind: row.kind as CallKind,
    ringUntil: row.ringUntil.toISOString(),
    caller: await memberCard(db, row.callerId),
    ...(meant ? { meantFor: meant } : {}),
  };
}

export async function getCall(db: Db, callId: string, now = new Date()): Promise<Call | null> {
  const row = await db.call.findUnique({ where: { id: callId } });
  return row ? sm.expire(fromRow(row), now) : null;
}

/** A call its party may see; a stranger gets the same answer as for a call that does not exist. */
export async function callForParty(db: Db, callId: string, memberId: string, now = new Date()): Promise<Call> {
  const call = await getCall(db, callId, now);
  if (!call || !sm.isParty(call, memberId)) throw new DomainError("NOT_FOUND", "No such call.");
  return call;
}

/**
 * Applies one transition. The write only lands if the call is still in the status
 * it was computed from; otherwise the transition is computed again on what won.
 */
export async function transition(
  deps: Deps,
  input: { callId: string; memberId: string | null },
  step: (call: Call, now: Date) => Step,
  /** Runs once the change is written, before the parties hear of it. */
  onWritten?: (call: Call) => Promise<void>,
): Promise<Call> {
  const { callId } = input;
  const { db } = deps;
  for (let attempt = 0; attempt < 3; attempt++) {
    const now = deps.now?.() ?? new Date();
    const row = await db.call.findUnique({ where: { id: callId } });
    if (!row) throw new DomainError("NOT_FOUND", "No such call.");
    const stored = fromRow(row);
    const result = step(stored, now);
    if (!result.ok) {
      if (input.memberId && !sm.isParty(stored, input.memberId)) {
        // Someone the call rang before it was forwarded on is told so; a stranger learns nothing.
        const onPath = await db.callLeg.count({ where: { callId, memberId: input.memberId } });
        if (onPath > 0) throw new DomainError("CONFLICT", "This call was forwarded by your rules.");
        throw new DomainError("NOT_FOUND", "No such call.");
      }
      throw new DomainError(result.code === "not_callee" ? "FORBIDDEN" : "CONFLICT", result.message);
    }
    const next = result.call;
    if (next.status === stored.status && next.outcome === stored.outcome) return next;
    const written = await db.call.updateMany({
      // Also who rings and until when: a sweep that forwarded the call or moved to the next device
      // meanwhile makes this write miss, and the step is computed again on what it wrote.
      where: { id: callId, status: stored.status, calleeId: stored.calleeId, ringUntil: stored.ringUntil, ringDevice: stored.ringDevice },
      data: {
        status: next.status,
        outcome: next.outcome,
        answeredAt: next.answeredAt,
        answeredDevice: next.answeredDevice,
        endedAt: next.endedAt,
        endedBy: next.endedBy,
        plan: next.status === "ringing" ? next.plan : null,
      },
    });
    if (written.count === 0) continue;
    // The ringing member's part of the path ends with the call's ringing.
    const legResult = next.status === "connected" ? "answered" : stored.status === "ringing" ? next.outcome : null;
    if (legResult) await db.callLeg.updateMany({ where: { callId, result: null }, data: { result: legResult, endedAt: now } });
    // The caller may already be in the room while it rings: any end closes it for both.
    if (next.status === "ended") await deleteRoom(roomName(callId)).catch(() => {});
    await onWritten?.(next);
    await announce(deps, next);
    return next;
  }
  throw new DomainError("CONFLICT", "The call changed while you acted; try again.");
}

export const acceptCall = (deps: Deps, callId: string, memberId: string, deviceId: string, onWritten?: (call: Call) => Promise<void>) =>
  transition(deps, { callId, memberId }, (c, now) => sm.accept(c, memberId, deviceId, now), onWritten);
export const declineCall = (deps: Deps, callId: string, memberId: string) =>
  transition(deps, { callId, memberId }, (c, now) => sm.decline(c, memberId, now));
export const hangUpCall = (deps: Deps, callId: string, memberId: string) =>
  transition(deps, { callId, memberId }, (c, now) => sm.hangUp(c, memberId, now));

/** LiveKit says a party's media joined or left the room. Leaving ends the call (either side). */
export async function mediaEvent(deps: Deps, input: { callId: string; memberId: string; event: "joined" | "left" }): Promise<void> {
  const call = await getCall(deps.db, input.callId);
  if (!call || !sm.isParty(call, input.memberId)) return;
  if (input.event === "joined") {
    const field = call.callerId === input.memberId ? "callerJoinedAt" : "calleeJoinedAt";
    await deps.db.call.update({ where: { id: call.id }, data: { [field]: new Date() } });
    return;
  }
  // The callee's media only exists once connected; the caller's may leave while ringing (a closed tab cancels).
  if (call.status === "ended") return;
  await hangUpCall(deps, call.id, input.memberId).catch(() => {});
}
