/**
 * The call state machine, pure: every transition takes the call as stored and
 * returns the next one or a refusal. The database layer (lib/calls/service.ts)
 * stores a transition only if the call is still in the state it was computed
 * from, so two devices accepting at once, or a hang-up racing an accept, resolve
 * to exactly one winner.
 */
/**
 * How long past its ring time a call whose plan says what comes next waits for the sweep (every
 * second) to apply it; a call nobody sweeps is missed after that, rather than ringing for ever.
 */
export const PLAN_GRACE_MS = 10_000;

/** The default; deployments set CALL_RING_SECONDS. */
export const RING_MS = 30_000;

export type CallStatus = "ringing" | "connected" | "ended";
export type Outcome = "completed" | "missed" | "declined" | "canceled" | "busy" | "unavailable";
export type CallKind = "video" | "voice";

export type Call = {
  id: string;
  callerId: string;
  calleeId: string;
  kind: CallKind;
  status: CallStatus;
  outcome: Outcome | null;
  createdAt: Date;
  ringUntil: Date;
  answeredAt: Date | null;
  answeredDevice: string | null;
  endedAt: Date | null;
  endedBy: string | null;
  /** Who the caller dialled, when the rules forwarded the call to `calleeId`. */
  meantForId: string | null;
  /** The one device ringing (rules ringing devices in turn), or null for all. */
  ringDevice: string | null;
  /** What follows when ringUntil passes (lib/calls/routing/plan.ts); null: the call is then missed. */
  plan: string | null;
  /** The text the callee's rules declined the call with. */
  note: string | null;
};

export type Refusal = { ok: false; code: "not_party" | "not_callee" | "answered_elsewhere" | "ended" | "too_late"; message: string };
export type Step = { ok: true; call: Call } | Refusal;

const refuse = (code: Refusal["code"], message: string): Refusal => ({ ok: false, code, message });

const OUTCOME_TEXT: Record<Outcome, string> = {
  completed: "The call has ended.",
  missed: "The call was not answered.",
  declined: "The call was declined.",
  canceled: "The caller hung up.",
  busy: "The member is in another call.",
  unavailable: "The member cannot take calls right now.",
};
export const outcomeText = (o: Outcome) => OUTCOME_TEXT[o];

function end(call: Call, outcome: Outcome, now: Date, by: string | null): Step {
  return { ok: true, call: { ...call, status: "ended", outcome, endedAt: now, endedBy: by } };
}

function endedRefusal(call: Call): Refusal {
  return refuse("ended", OUTCOME_TEXT[call.outcome ?? "completed"]);
}

export const isParty = (call: Call, memberId: string) => call.callerId === memberId || call.calleeId === memberId;

export function newCall(input: {
  id: string;
  callerId: string;
  calleeId: string;
  kind: CallKind;
  now: Date;
  outcome: Outcome | null;
  ringMs?: number;
  ringUntil?: Date;
  meantForId?: string | null;
  ringDevice?: string | null;
  plan?: string | null;
  note?: string | null;
}): Call {
  const base: Call = {
    id: input.id,
    callerId: input.callerId,
    calleeId: input.calleeId,
    kind: input.kind,
    status: "ringing",
    outcome: null,
    createdAt: input.now,
    ringUntil: input.ringUntil ?? new Date(input.now.getTime() + (input.ringMs ?? RING_MS)),
    answeredAt: null,
    answeredDevice: null,
    endedAt: null,
    endedBy: null,
    meantForId: input.meantForId ?? null,
    ringDevice: input.ringDevice ?? null,
    plan: input.plan ?? null,
    note: input.note ?? null,
  };
  return input.outcome ? { ...base, status: "ended", outcome: input.outcome, endedAt: input.now } : base;
}

/**
 * Ringing past its time is missed, whether or not the sweeper has stored it yet; unless a plan says
 * what comes next (another device, a forward), which the sweeper applies (lib/calls/routing).
 */
export function expire(call: Call, now: Date): Call {
  if (call.status === "ringing" && now >= call.ringUntil && (!call.plan || now.getTime() >= call.ringUntil.getTime() + PLAN_GRACE_MS))
    return { ...call, status: "ended", outcome: "missed", endedAt: call.ringUntil, endedBy: null };
  return call;
}

export function accept(stored: Call, memberId: string, deviceId: string, now: Date): Step {
  const call = expire(stored, now);
  if (call.calleeId !== memberId) return refuse("not_callee", "Only the person called can answer.");
  if (call.status === "connected") {
    return call.answeredDevice === deviceId
      ? { ok: true, call }
      : refuse("answered_elsewhere", "This call was answered on another device.");
  }
  if (call.status === "ended") return call.outcome === "missed" ? refuse("too_late", OUTCOME_TEXT.missed) : endedRefusal(call);
  return { ok: true, call: { ...call, status: "connected", answeredAt: now, answeredDevice: deviceId } };
}

export function decline(stored: Call, memberId: string, now: Date): Step {
  const call = expire(stored, now);
  if (call.calleeId !== memberId) return refuse("not_callee", "Only the person called can decline.");
  if (call.status === "connected") return refuse("answered_elsewhere", "This call was answered on another device.");
  if (call.status === "ended") return endedRefusal(call);
  return end(call, "declined", now, memberId);
}

/** Either party leaves: a caller hanging up while it rings cancels, a callee declines, a connected call completes. */
export function hangUp(stored: Call, memberId: string, now: Date): Step {
  const call = expire(stored, now);
  if (!isParty(call, memberId)) return refuse("not_party", "You are not part of this call.");
  if (call.status === "ended") return { ok: true, call };
  if (call.status === "ringing") return end(call, memberId === call.callerId ? "canceled" : "declined", now, memberId);
  return end(call, "completed", now, memberId);
}

/** The sweeper's step for a call whose ringing time is over. */
export function timeOut(call: Call, now: Date): Step {
  const next = expire(call, now);
  return next === call ? endedRefusal(call) : { ok: true, call: next };
}

/** Seconds two people talked, for the history. */
export function talkSeconds(call: Call): number {
  if (!call.answeredAt || !call.endedAt) return 0;
  return Math.max(0, Math.round((call.endedAt.getTime() - call.answeredAt.getTime()) / 1000));
}
