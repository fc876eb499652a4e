import type { Db } from "../db/client";
import { formatNumber } from "../numbers/format";
import { expire, talkSeconds, type Call, type CallKind, type Outcome } from "./state";

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
};

const other = { select: { handle: true, displayName: true, number: { select: { digits: true } } } };

/**
 * A call is missed from its ring time on, whether or not the sweeper has stored it yet: a page read in
 * between shows it missed and new, and marking it seen then holds once the sweeper stores it.
 */
const unseenMissed = (memberId: string, now: Date) => ({
  calleeId: memberId,
  calleeSeen: false,
  OR: [{ outcome: "missed" }, { status: "ringing", ringUntil: { lte: now } }],
});

export async function callHistory(db: Db, memberId: string, take = 50, now = new Date()): Promise<HistoryEntry[]> {
  const rows = await db.call.findMany({
    where: { OR: [{ callerId: memberId }, { calleeId: memberId }] },
    orderBy: { createdAt: "desc" },
    take,
    include: { caller: other, callee: other },
  });
  return rows.map((row) => {
    const r = { ...row, ...expire(row as unknown as Call, now) };
    const outgoing = r.callerId === memberId;
    const o = outgoing ? r.callee : r.caller;
    return {
      id: r.id,
      direction: outgoing ? "outgoing" : "incoming",
      kind: r.kind as CallKind,
      outcome: r.outcome as Outcome | null,
      status: r.status,
      at: r.createdAt.toISOString(),
      seconds: talkSeconds(r as unknown as Call),
      unseen: !outgoing && r.outcome === "missed" && !r.calleeSeen,
      other: { handle: o.handle, displayName: o.displayName, formattedNumber: o.number ? formatNumber(o.number.digits) : null },
    };
  });
}

export function unseenMissedCount(db: Db, memberId: string, now = new Date()): Promise<number> {
  return db.call.count({ where: unseenMissed(memberId, now) });
}

export async function markMissedSeen(db: Db, memberId: string, now = new Date()): Promise<number> {
  const r = await db.call.updateMany({ where: unseenMissed(memberId, now), data: { calleeSeen: true } });
  return r.count;
}
