import type { Db } from "../db/client";
import { formatNumber } from "../numbers/format";
import { talkSeconds, type Call, type CallKind, type Outcome } from "./state";

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

export async function callHistory(db: Db, memberId: string, take = 50): Promise<HistoryEntry[]> {
  const rows = await db.call.findMany({
    where: { OR: [{ callerId: memberId }, { calleeId: memberId }] },
    orderBy: { createdAt: "desc" },
    take,
    include: { caller: other, callee: other },
  });
  return rows.map((r) => {
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
      unseen: !outgoing && !r.calleeSeen,
      other: { handle: o.handle, displayName: o.displayName, formattedNumber: o.number ? formatNumber(o.number.digits) : null },
    };
  });
}

export function unseenMissedCount(db: Db, memberId: string): Promise<number> {
  return db.call.count({ where: { calleeId: memberId, calleeSeen: false } });
}

export async function markMissedSeen(db: Db, memberId: string): Promise<number> {
  const r = await db.call.updateMany({ where: { calleeId: memberId, calleeSeen: false }, data: { calleeSeen: true } });
  return r.count;
}
