/**
 * Presence subscriptions between two members, as a pure transition table (RFC 6121, section 3 and
 * appendix A, the way ejabberd's mod_roster and prosody's rostermanager apply it). The database layer
 * loads a pair, applies one action, and stores both directions in one transaction under a lock on
 * the pair, so two members adding each other at once end as contacts exactly once.
 *
 * A pair is two directions. `ab` is "a sees b": none, pending (a asked, b has not answered) or
 * approved; `preapproved` says b agreed in advance, so a request from a completes at once (RFC 6121
 * 3.4). Everything a member sees of their own side (none / to / from / both, pending-out,
 * pending-in) is derived from the two directions by `itemFor`.
 */

export type DirectionState = "none" | "pending" | "approved";
export type Direction = { state: DirectionState; preapproved: boolean; requestedAt: number | null };
export type Pair = { ab: Direction; ba: Direction };
export type Side = "a" | "b";

export const NO_DIRECTION: Direction = { state: "none", preapproved: false, requestedAt: null };
export const NO_PAIR: Pair = { ab: NO_DIRECTION, ba: NO_DIRECTION };

/** What one member's roster item says about the other, in RFC 6121's terms. */
export type Subscription = "none" | "to" | "from" | "both";
export type RosterItem = { subscription: Subscription; pendingOut: boolean; pendingIn: boolean; approved: boolean };

/** A request unanswered this long lapses, as if withdrawn. */
export const REQUEST_TTL_MS = 30 * 24 * 3600_000;

// The four protocol verbs, each on one direction ("x sees y"), as an outbound stanza from the member
// named. They are the building blocks; members act through the product actions below.

/** x asks to see y. */
function subscribe(d: Direction, now: number): Direction {
  if (d.state === "approved") return d;
  if (d.preapproved) return { state: "approved", preapproved: false, requestedAt: null };
  if (d.state === "pending") return d;
  return { ...d, state: "pending", requestedAt: now };
}

/** y lets x see them: completes x's request, or approves in advance when there is none. */
function subscribed(d: Direction): Direction {
  if (d.state === "approved") return d;
  if (d.state === "pending") return { state: "approved", preapproved: false, requestedAt: null };
  return { ...d, preapproved: true };
}

/** x stops seeing y, or withdraws the request. */
function unsubscribe(d: Direction): Direction {
  return { ...d, state: "none", requestedAt: null };
}

/** y stops x seeing them, refuses the request, and takes back any approval in advance. */
function unsubscribed(_d: Direction): Direction {
  return NO_DIRECTION;
}

// The pair seen from the member acting: `out` is "I see them", `in` is "they see me".
type View = { out: Direction; in: Direction };
const view = (p: Pair, me: Side): View => (me === "a" ? { out: p.ab, in: p.ba } : { out: p.ba, in: p.ab });
const pairOf = (v: View, me: Side): Pair => (me === "a" ? { ab: v.out, ba: v.in } : { ab: v.in, ba: v.out });

export type ActionName = "request" | "accept" | "decline" | "withdraw" | "remove" | "preapprove";
export type Refusal = { ok: false; code: "no_request" | "not_pending"; message: string };
export type Applied = { ok: true; pair: Pair; changed: boolean };

/**
 * One member's action on the pair.
 * - request: ask to see them, and let them see you in return (a pre-approval); if they already
 *   asked, both complete at once.
 * - accept: their pending request is approved and, since their request let you see them, you see
 *   them too.
 * - decline: their request is refused; their approval in advance of you goes with it.
 * - withdraw: your pending request is taken back, with your approval in advance of them unless they
 *   already see you.
 * - remove: neither sees the other any more, and nothing is left approved in advance.
 * - preapprove: they may see you as soon as they ask.
 */
export function apply(pair: Pair, me: Side, action: ActionName, now: number): Applied | Refusal {
  const v = view(pair, me);
  let next: View;
  switch (action) {
    case "request":
      next = { in: subscribed(v.in), out: subscribe(v.out, now) };
      break;
    case "accept":
      if (v.in.state !== "pending") return { ok: false, code: "no_request", message: "There is no request from this member to accept." };
      next = { in: subscribed(v.in), out: subscribe(v.out, now) };
      break;
    case "decline":
      if (v.in.state !== "pending") return { ok: false, code: "no_request", message: "There is no request from this member to decline." };
      next = { in: unsubscribed(v.in), out: { ...v.out, preapproved: false } };
      break;
    case "withdraw":
      if (v.out.state !== "pending") return { ok: false, code: "not_pending", message: "You have no pending request to this member." };
      next = { out: unsubscribe(v.out), in: v.in.state === "approved" ? v.in : { ...v.in, preapproved: false } };
      break;
    case "remove":
      next = { out: unsubscribed(unsubscribe(v.out)), in: unsubscribed(v.in) };
      break;
    case "preapprove":
      next = { out: v.out, in: subscribed(v.in) };
      break;
  }
  const result = pairOf(next, me);
  return { ok: true, pair: result, changed: !samePair(pair, result) };
}

/** Requests left unanswered past REQUEST_TTL_MS lapse, each as if its sender withdrew it. */
export function expire(pair: Pair, now: number): Pair {
  let p = pair;
  for (const me of ["a", "b"] as const) {
    const out = view(p, me).out;
    if (out.state === "pending" && out.requestedAt !== null && now - out.requestedAt >= REQUEST_TTL_MS) {
      const r = apply(p, me, "withdraw", now);
      if (r.ok) p = r.pair;
    }
  }
  return p;
}

/** One member's roster item for the other (RFC 6121 2.1.2.5 and appendix A). */
export function itemFor(pair: Pair, me: Side): RosterItem {
  const v = view(pair, me);
  const to = v.out.state === "approved";
  const from = v.in.state === "approved";
  return {
    subscription: to && from ? "both" : to ? "to" : from ? "from" : "none",
    pendingOut: v.out.state === "pending",
    pendingIn: v.in.state === "pending",
    approved: v.in.preapproved,
  };
}

/** Whether `me` may see the other's presence at all (what visibility rules then narrow). */
export function sees(pair: Pair, me: Side): boolean {
  return view(pair, me).out.state === "approved";
}

export function samePair(x: Pair, y: Pair): boolean {
  const same = (d: Direction, e: Direction) => d.state === e.state && d.preapproved === e.preapproved && d.requestedAt === e.requestedAt;
  return same(x.ab, y.ab) && same(x.ba, y.ba);
}
