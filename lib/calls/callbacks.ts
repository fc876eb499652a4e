import type { BusPublisher } from "../bus";
import { AVAILABILITY_TTL_MS, MAX_OPEN_ASKS } from "../contacts/availability";
import type { Db } from "../db/client";
import { env } from "../env";
import { DomainError } from "../errors";
import type { PublicStatus } from "../presence/status";
import { statusesSeenBy } from "../presence/visibility-store";
import { decide } from "./routing/decide";
import { callerFacts, loadRuleDoc } from "./routing/load-facts";
import { memberCard } from "./service";

/**
 * "Call me when free" (delayed communication): after a call ends unanswered, the caller asks to be
 * connected when the member they called is free. Kept as an AvailabilityWatch of kind "callback"
 * (the presence nodes already watch those members' statuses); unlike "tell me when available", the
 * member asked about sees the request, and when their status next turns online both are offered
 * the call — the caller only if the member's presence is theirs to see.
 */
export const CALLBACK_OUTCOMES = ["busy", "declined", "missed", "unavailable"] as const;

type Person = { id: string; handle: string; displayName: string };
export type CallbackView = {
  id: string;
  /** "asked": this member asked; "asked-of": someone asked this member. */
  side: "asked" | "asked-of";
  other: Person;
  state: "open" | "offered" | "canceled" | "expired";
  createdAt: string;
  expiresAt: string;
};

const person = { select: { id: true, handle: true, displayName: true } } as const;
const keyOf = (askerId: string, watchedId: string) => `cb:${askerId}:${watchedId}`;
type Deps = { db: Db; bus: BusPublisher; now?: () => Date };

/**
 * `asker`: the caller's side, to whom an offer they were not told of (the member hides their
 * presence from them: firedBy "member") stays "open" until it lapses.
 */
function stateOf(
  a: { firedAt: Date | null; firedBy?: string | null; canceledAt: Date | null; expiresAt: Date },
  now: Date,
  asker = false,
): CallbackView["state"] {
  if (a.firedAt && !(asker && a.firedBy === "member")) return "offered";
  if (a.canceledAt) return "canceled";
  return a.expiresAt <= now ? "expired" : "open";
}

function viewOf(
  a: {
    id: string;
    askerId: string;
    firedAt: Date | null;
    firedBy: string | null;
    canceledAt: Date | null;
    expiresAt: Date;
    createdAt: Date;
    asker: Person;
    watched: Person;
  },
  memberId: string,
  now: Date,
): CallbackView {
  const asked = a.askerId === memberId;
  return {
    id: a.id,
    side: asked ? "asked" : "asked-of",
    other: asked ? a.watched : a.asker,
    state: stateOf(a, now, asked),
    createdAt: a.createdAt.toISOString(),
    expiresAt: a.expiresAt.toISOString(),
  };
}

/** The caller of a call that ended unanswered asks to be connected when the member they called is free. */
export async function requestCallback(deps: Deps, input: { askerId: string; callId: string }): Promise<CallbackView> {
  const { db } = deps;
  const now = deps.now?.() ?? new Date();
  // The caller is in the where clause: nobody asks on a call that was not theirs.
  const call = await db.call.findFirst({
    where: { id: input.callId, callerId: input.askerId },
    select: { status: true, outcome: true, calleeId: true, meantForId: true, endedAt: true },
  });
  if (!call) throw new DomainError("NOT_FOUND", "No such call.");
  if (call.status !== "ended" || !(CALLBACK_OUTCOMES as readonly string[]).includes(call.outcome ?? ""))
    throw new DomainError("CONFLICT", "You can ask for this only after a call that was not answered.");
  if (!call.endedAt || call.endedAt.getTime() < now.getTime() - AVAILABILITY_TTL_MS)
    throw new DomainError("CONFLICT", "That call is more than a day old: call again instead.");
  // One request per call: asking, withdrawing and asking again does not knock on the member's door again.
  const earlier = await db.availabilityWatch.findFirst({
    where: { askerId: input.askerId, callId: input.callId, kind: "callback" },
    include: { asker: person, watched: person },
  });
  if (earlier) {
    if (stateOf(earlier, now, true) === "open") return viewOf(earlier, input.askerId, now);
    throw new DomainError("CONFLICT", "You already asked after this call.");
  }
  const watchedId = call.meantForId ?? call.calleeId;
  const key = keyOf(input.askerId, watchedId);
  const include = { asker: person, watched: person } as const;
  const existing = await db.availabilityWatch.findUnique({ where: { openKey: key }, include });
  if (existing && stateOf(existing, now, true) === "open") return viewOf(existing, input.askerId, now);
  if (existing) await db.availabilityWatch.updateMany({ where: { id: existing.id, openKey: key }, data: { openKey: null } });
  const open = await db.availabilityWatch.count({ where: { askerId: input.askerId, openKey: { not: null }, expiresAt: { gt: now } } });
  if (open >= MAX_OPEN_ASKS) throw new DomainError("RATE_LIMITED", `You can wait for at most ${MAX_OPEN_ASKS} people at once.`);
  let made;
  try {
    made = await db.availabilityWatch.create({
      data: {
        askerId: input.askerId,
        watchedId,
        kind: "callback",
        callId: input.callId,
        openKey: key,
        createdAt: now,
        expiresAt: new Date(now.getTime() + AVAILABILITY_TTL_MS),
      },
      include,
    });
  } catch {
    const won = await db.availabilityWatch.findUnique({ where: { openKey: key }, include });
    if (won) return viewOf(won, input.askerId, now);
    throw new DomainError("CONFLICT", "That changed while you asked; try again.");
  }
  // The asker's devices and every presence node (which now watch for the member); the member asked
  // about sees the request, unless they blocked the asker (who learns nothing of that).
  await deps.bus.toMember(input.askerId, "asks", { memberId: watchedId });
  const blocked = await db.block.findUnique({ where: { blockerId_blockedId: { blockerId: watchedId, blockedId: input.askerId } } });
  if (!blocked) await deps.bus.toMember(watchedId, "callbacks", { id: made.id });
  return viewOf(made, input.askerId, now);
}

/** Requests of the last day both ways: what the member asked, and who asked them (blocked askers left out). */
export async function listCallbacks(db: Db, memberId: string, now = new Date()): Promise<CallbackView[]> {
  const since = new Date(now.getTime() - AVAILABILITY_TTL_MS);
  const blocked = (await db.block.findMany({ where: { blockerId: memberId }, select: { blockedId: true } })).map((b) => b.blockedId);
  const rows = await db.availabilityWatch.findMany({
    where: {
      kind: "callback",
      createdAt: { gt: since },
      OR: [{ askerId: memberId }, { watchedId: memberId, canceledAt: null, askerId: { notIn: blocked } }],
    },
    include: { asker: person, watched: person },
    orderBy: { createdAt: "desc" },
    take: 100,
  });
  return rows.map((r) => viewOf(r, memberId, now));
}

/** Either side withdraws a request (the asker cancels, the member asked dismisses it). */
export async function cancelCallback(deps: Deps, input: { memberId: string; id: string }): Promise<void> {
  const { db } = deps;
  const now = deps.now?.() ?? new Date();
  const row = await db.availabilityWatch.findFirst({
    where: { id: input.id, kind: "callback", OR: [{ askerId: input.memberId }, { watchedId: input.memberId }] },
    select: { askerId: true, watchedId: true },
  });
  if (!row) throw new DomainError("NOT_FOUND", "No such request.");
  await db.availabilityWatch.updateMany({
    where: { id: input.id, canceledAt: null, firedAt: null },
    data: { openKey: null, canceledAt: now },
  });
  await Promise.all([
    deps.bus.toMember(row.askerId, "callbacks", { id: input.id }),
    deps.bus.toMember(row.watchedId, "callbacks", { id: input.id }),
  ]);
}

/**
 * Members became available: each open callback request on one who is now online (free: not away,
 * busy or on do-not-disturb) is offered to both, once, if the member's rules would let this caller
 * ring now. Blocked askers are never offered. Several nodes may call this for one change: the claim is
 * a compare-and-set on the open key.
 */
export async function offerCallbacks(deps: Deps, changes: { memberId: string; status: PublicStatus }[]): Promise<number> {
  const free = changes.filter((c) => c.status === "online").map((c) => c.memberId);
  if (free.length === 0) return 0;
  const { db } = deps;
  const now = deps.now?.() ?? new Date();
  const asks = await db.availabilityWatch.findMany({
    where: { kind: "callback", watchedId: { in: free }, openKey: { not: null }, expiresAt: { gt: now } },
    select: { id: true, askerId: true, watchedId: true },
  });
  let offered = 0;
  for (const a of asks) {
    if (!(await rulesLetRing(db, a.watchedId, a.askerId, now))) continue;
    // The caller is told only what they may see of the member's presence ("live": both told; "member": the member alone).
    const both = (await statusesSeenBy(db, { [a.watchedId]: "online" }, a.askerId))[a.watchedId] === "online";
    const claimed = await db.availabilityWatch.updateMany({
      where: { id: a.id, openKey: { not: null } },
      data: { openKey: null, firedAt: now, firedBy: both ? "live" : "member" },
    });
    if (claimed.count === 0) continue;
    const [asker, watched] = await Promise.all([memberCard(db, a.askerId), memberCard(db, a.watchedId)]);
    await deps.bus.toMember(a.watchedId, "callback-ready", { id: a.id, side: "asked-of", other: asker }).catch(() => undefined);
    if (both) await deps.bus.toMember(a.askerId, "callback-ready", { id: a.id, side: "asked", other: watched }).catch(() => undefined);
    offered++;
  }
  return offered;
}

/** Blocked, declined or sent to the mailbox by the member's rules right now: not offered (yet). */
async function rulesLetRing(db: Db, memberId: string, callerId: string, now: Date): Promise<boolean> {
  const blocked = await db.block.findUnique({ where: { blockerId_blockedId: { blockerId: memberId, blockedId: callerId } } });
  if (blocked) return false;
  const [{ doc }, caller] = await Promise.all([loadRuleDoc(db, memberId), callerFacts(db, memberId, callerId, now)]);
  const d = decide({ doc, caller, status: "online", now, defaultRingSeconds: env().CALL_RING_SECONDS });
  return d.action.type === "ring" || d.action.type === "forward";
}
