import type { Db } from "../db/client";
import { SHOWN_NUMBER, shownNumber } from "../numbers/spelling";
import { describePath } from "./routing/describe-path";
import { type LegResult, parsePlan } from "./routing/plan";
import { expire, PLAN_GRACE_MS, talkSeconds, type Call, type CallKind, type Outcome } from "./state";

export type HistoryEntry = {
  id: string;
  direction: "outgoing" | "incoming";
  kind: CallKind;
  outcome: Outcome | null;
  status: string;
  at: string;
  seconds: number;
  /** A missed incoming call the member has not looked at yet. */
  unseen: boolean;
  other: { handle: string; displayName: string; formattedNumber: string | null };
  /** The call's path through routing rules, in words ("rang … 20 s", "forwarded to Ana", "Ana answered"); empty for calls from before paths were kept. */
  path: string[];
  /** Forwarded on by this member's rules (someone else took it, or its end was theirs). */
  forwardedOn: boolean;
  /** Forwarded: who the caller dialled (shown to the caller and to whoever took the call). */
  meantFor: { handle: string; displayName: string } | null;
};

const other = { select: { handle: true, displayName: true, number: { select: SHOWN_NUMBER } } };

/**
 * A call is missed from its ring time on, whether or not the sweeper has stored it yet: a page read in
 * between shows it missed and new, and marking it seen then holds once the sweeper stores it.
 */
const unseenMissed = (memberId: string, now: Date) => ({
  calleeId: memberId,
  calleeSeen: false,
  // A ringing call past its time is missed unless its plan rings on (a planned step lapses after the grace).
  OR: [
    { outcome: "missed" },
    { status: "ringing", ringUntil: { lte: now }, plan: null },
    { status: "ringing", ringUntil: { lte: new Date(now.getTime() - PLAN_GRACE_MS) } },
  ],
});

export async function callHistory(db: Db, memberId: string, take = 50, now = new Date()): Promise<HistoryEntry[]> {
  const rows = await db.call.findMany({
    // Calls forwarded on by this member's rules are theirs too (a leg of the path).
    where: { OR: [{ callerId: memberId }, { calleeId: memberId }, { legs: { some: { memberId } } }] },
    orderBy: { createdAt: "desc" },
    take,
    include: {
      caller: other,
      callee: other,
      legs: { orderBy: { position: "asc" }, include: { member: { select: { displayName: true } } } },
    },
  });
  const meant = await meantForNames(
    db,
    rows.flatMap((r) => (r.meantForId ? [r.meantForId] : [])),
  );
  const hunting = await huntForwarders(db, rows, memberId);
  return rows.map((row) => {
    const r = { ...row, ...expire(row as unknown as Call, now) };
    const outgoing = r.callerId === memberId;
    const o = outgoing ? (hunting.get(r.id) ?? r.callee) : r.caller;
    const legs = row.legs.map((l) => ({ ...l, name: l.member.displayName, result: l.result as LegResult | null }));
    return {
      id: r.id,
      direction: outgoing ? "outgoing" : "incoming",
      kind: r.kind as CallKind,
      outcome: r.outcome as Outcome | null,
      status: r.status,
      at: r.createdAt.toISOString(),
      seconds: talkSeconds(r as unknown as Call),
      unseen: !outgoing && r.calleeId === memberId && r.outcome === "missed" && !r.calleeSeen,
      other: { handle: o.handle, displayName: o.displayName, formattedNumber: shownNumber(o.number) },
      path: describePath(legs, memberId, now),
      forwardedOn: !outgoing && r.calleeId !== memberId,
      meantFor: r.meantForId && (outgoing || r.calleeId === memberId) ? (meant.get(r.meantForId) ?? null) : null,
    };
  });
}

async function meantForNames(db: Db, ids: string[]) {
  if (ids.length === 0) return new Map<string, { handle: string; displayName: string }>();
  const rows = await db.member.findMany({
    where: { id: { in: [...new Set(ids)] } },
    select: { id: true, handle: true, displayName: true },
  });
  return new Map(rows.map((m) => [m.id, { handle: m.handle, displayName: m.displayName }]));
}

export function unseenMissedCount(db: Db, memberId: string, now = new Date()): Promise<number> {
  return db.call.count({ where: unseenMissed(memberId, now) });
}

export async function markMissedSeen(db: Db, memberId: string, now = new Date()): Promise<number> {
  const r = await db.call.updateMany({ where: unseenMissed(memberId, now), data: { calleeSeen: true } });
  return r.count;
}

/**
 * While a group's members are rung in turn, the caller's row names the member who forwarded to the
 * group, as the live view does (lib/calls/service.ts): who in the group rings is not theirs to know.
 */
async function huntForwarders(
  db: Db,
  rows: { id: string; callerId: string; status: string; plan: string | null }[],
  memberId: string,
): Promise<Map<string, { handle: string; displayName: string; number: { digits: string; spelled: string | null } | null }>> {
  const from = new Map<string, string>();
  for (const r of rows) {
    const hunt = r.callerId === memberId && r.status === "ringing" ? parsePlan(r.plan)?.hunt : undefined;
    if (hunt) from.set(r.id, hunt.from);
  }
  if (from.size === 0) return new Map();
  const people = await db.member.findMany({ where: { id: { in: [...new Set(from.values())] } }, select: { id: true, ...other.select } });
  const byId = new Map(people.map((p) => [p.id, p]));
  return new Map([...from].flatMap(([callId, id]) => (byId.has(id) ? [[callId, byId.get(id)!] as const] : [])));
}
