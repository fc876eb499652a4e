import type { Db } from "../db/client";
import { DomainError } from "../errors";
import type { Storage } from "../storage";

export type GreetingView = { slot: "standard" | "temporary"; kind: string; durationMs: number; endsAt: string | null; url: string };

const view = (
  handle: string,
  g: { slot: string; kind: string; durationMs: number; endsAt: Date | null; createdAt: Date },
): GreetingView => ({
  slot: g.slot as GreetingView["slot"],
  kind: g.kind,
  durationMs: g.durationMs,
  endsAt: g.endsAt?.toISOString() ?? null,
  // A new recording gets a new address, so no cache keeps playing the old one.
  url: `/api/members/${encodeURIComponent(handle)}/greeting?slot=${g.slot}&v=${g.createdAt.getTime()}`,
});

/** What a caller sees: the temporary greeting while it lasts, else the standard one, else none. */
export async function currentGreeting(db: Db, member: { id: string; handle: string }, now = new Date()): Promise<GreetingView | null> {
  const all = await db.greeting.findMany({ where: { memberId: member.id } });
  const temp = all.find((g) => g.slot === "temporary" && g.endsAt && g.endsAt > now);
  const chosen = temp ?? all.find((g) => g.slot === "standard");
  return chosen ? view(member.handle, chosen) : null;
}

/**
 * The greeting the caller of an unanswered call hears: the one the member's routing rule chose for
 * it (`Call.greeting`: standard, or temporary even past its end date), else the current one. Only
 * the call's caller is given the chosen one (the caller and the member are in the where clause).
 */
export async function greetingForCall(
  db: Db,
  input: { member: { id: string; handle: string }; callId: string; viewerId: string | null },
  now = new Date(),
): Promise<GreetingView | null> {
  const slot = await chosenSlot(db, input.member.id, input.callId, input.viewerId);
  const g = slot ? await db.greeting.findUnique({ where: { memberId_slot: { memberId: input.member.id, slot } } }) : null;
  if (!g) return currentGreeting(db, input.member, now);
  return {
    ...view(input.member.handle, g),
    url: `/api/members/${encodeURIComponent(input.member.handle)}/greeting?call=${encodeURIComponent(input.callId)}&v=${g.createdAt.getTime()}`,
  };
}

/** The slot a rule chose for this caller's call to this member, or null. */
export async function chosenSlot(
  db: Db,
  memberId: string,
  callId: string,
  viewerId: string | null,
): Promise<"standard" | "temporary" | null> {
  if (!viewerId) return null;
  const call = await db.call.findFirst({ where: { id: callId, callerId: viewerId, calleeId: memberId }, select: { greeting: true } });
  return call?.greeting === "standard" || call?.greeting === "temporary" ? call.greeting : null;
}

export async function ownGreetings(db: Db, member: { id: string; handle: string }): Promise<GreetingView[]> {
  const all = await db.greeting.findMany({ where: { memberId: member.id }, orderBy: { slot: "asc" } });
  return all.map((g) => view(member.handle, g));
}

/**
 * The greeting callers get now, or the one in a given slot (the owner's page plays each). A temporary
 * greeting past its end date is the owner's alone: to anyone else it is gone, by any address.
 */
export async function greetingFile(db: Db, memberId: string, now = new Date(), slot?: "standard" | "temporary", viewerIsOwner = false) {
  const all = await db.greeting.findMany({ where: { memberId } });
  const live = (x: (typeof all)[number]) => x.slot !== "temporary" || viewerIsOwner || (!!x.endsAt && x.endsAt > now);
  const g = slot
    ? all.find((x) => x.slot === slot && live(x))
    : (all.find((x) => x.slot === "temporary" && x.endsAt && x.endsAt > now) ?? all.find((x) => x.slot === "standard"));
  if (!g) throw new DomainError("NOT_FOUND", "This member has no greeting.");
  return { key: g.mediaKey, mime: g.mime };
}

export async function removeGreeting(db: Db, storage: Storage, memberId: string, slot: "standard" | "temporary") {
  const g = await db.greeting.findUnique({ where: { memberId_slot: { memberId, slot } } });
  if (!g) throw new DomainError("NOT_FOUND", "There is no such greeting.");
  await db.greeting.delete({ where: { id: g.id } });
  await storage.delete(g.mediaKey);
}
