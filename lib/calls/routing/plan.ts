import type { Outcome } from "../state";
import type { Hunt } from "./hunt-group";
import type { Decision, Otherwise } from "./rules";

/**
 * What a routing decision does to a call, step by step, pure. A member's decision becomes the first
 * step (ring, forward, or end); when a ringing step's time passes, the plan stored with the call says
 * what comes next (the next device, or the rule's "otherwise"). lib/calls/routing/route-call.ts
 * applies the steps to the database; forwards there run the next member's rules.
 */

/** One of the member's devices (a browser: its tabs share one id), most recently active first. */
export type Device = { id: string; label: string };

/**
 * Stored with a ringing call (Call.plan) when its ringUntil is not the end: what follows. `hunt`:
 * the call is ringing a group's members in turn (hunt-group.ts), which comes before `otherwise`.
 */
export type Plan = { devices: Device[]; seconds: number; otherwise: Otherwise; hunt?: Hunt };

export type LegResult = "answered" | "forwarded" | "missed" | "declined" | "canceled" | "busy" | "unavailable" | "mailbox" | "loop";

export type Step =
  /** Ring one device (`device`), or all of them (`device` null), until `until`; then the plan, or missed. */
  | { type: "ring"; device: Device | null; rang: string; until: Date; plan: Plan | null }
  | { type: "forward"; to: string }
  /** The call ends here: `result` is this member's part of the path. */
  | { type: "end"; outcome: Outcome; result: LegResult; note: string | null; greeting?: "standard" | "temporary" };

export type StepContext = {
  /** The member's live devices, most recently active first (empty: nothing to ring). */
  devices: Device[];
  /** Already in a call: ringing would be a second call, which the portal does not do. */
  inCall: boolean;
  now: Date;
};

const labels = (devices: Device[]) => devices.map((d) => d.label).join(", ");

/** A ring that cannot happen (busy, nothing connected) goes on to "otherwise" if that forwards. */
function cannotRing(outcome: "busy" | "unavailable", otherwise: Otherwise): Step {
  if (otherwise.type === "forward") return { type: "forward", to: otherwise.to };
  return { type: "end", outcome, result: outcome, note: null };
}

function ringFrom(devices: Device[], seconds: number, otherwise: Otherwise, now: Date, inTurn: boolean): Step {
  const until = new Date(now.getTime() + seconds * 1000);
  const [first, ...rest] = devices;
  if (inTurn && first) {
    const more = rest.length > 0 || otherwise.type === "forward";
    return { type: "ring", device: first, rang: first.label, until, plan: more ? { devices: rest, seconds, otherwise } : null };
  }
  return {
    type: "ring",
    device: null,
    rang: labels(devices),
    until,
    plan: otherwise.type === "forward" ? { devices: [], seconds, otherwise } : null,
  };
}

export function firstStep(decision: Decision, ctx: StepContext): Step {
  const a = decision.action;
  switch (a.type) {
    case "forward":
      return { type: "forward", to: a.to };
    case "mailbox":
      return {
        type: "end",
        outcome: "unavailable",
        result: "mailbox",
        note: null,
        ...(a.greeting !== "current" && { greeting: a.greeting }),
      };
    case "decline":
      return { type: "end", outcome: "declined", result: "declined", note: a.text };
    case "ring":
      if (ctx.inCall) return cannotRing("busy", a.otherwise);
      if (ctx.devices.length === 0) return cannotRing("unavailable", a.otherwise);
      return ringFrom(ctx.devices, a.seconds, a.otherwise, ctx.now, a.devices === "sequence");
  }
}

/**
 * The ringing step's time is over: ring the next device still connected, or do what the rule says
 * for an unanswered call. `live` are the device ids connected now (one that went away is skipped).
 */
export function nextStep(plan: Plan, live: Set<string>, now: Date): Step {
  const devices = plan.devices.filter((d) => live.has(d.id));
  if (devices.length > 0) return ringFrom(devices, plan.seconds, plan.otherwise, now, true);
  if (plan.otherwise.type === "forward") return { type: "forward", to: plan.otherwise.to };
  return { type: "end", outcome: "missed", result: "missed", note: null };
}

export const MAX_FORWARDS = 5;

/**
 * A forward to someone already on the path (or one hop too many) is cut: the call stops where it
 * is. The path starts with the caller and the member dialled: MAX_FORWARDS forwards in all.
 */
export function forwardAllowed(path: string[], targetId: string): boolean {
  return !path.includes(targetId) && path.length <= MAX_FORWARDS + 1;
}

export function parsePlan(raw: string | null): Plan | null {
  if (!raw) return null;
  try {
    return JSON.parse(raw) as Plan;
  } catch {
    return null;
  }
}
