import type { Db } from "../db/client";
import { staffOf } from "./manage";

export type Row = {
  /** The UTC day, or "all" for the whole period. */
  day: string;
  offered: number;
  answered: number;
  missed: number;
  declined: number;
  avgWaitMs: number | null;
  longestWaitMs: number | null;
  orders: number;
  salesCents: number;
  /** Orders placed per answered call. */
  conversion: number | null;
};
export type ShopStats = { days: number; shop: Row[]; agents: { memberId: string; name: string; rows: Row[] }[] };

const dayOf = (d: Date) => d.toISOString().slice(0, 10);
const empty = (day: string): Row => ({
  day,
  offered: 0,
  answered: 0,
  missed: 0,
  declined: 0,
  avgWaitMs: null,
  longestWaitMs: null,
  orders: 0,
  salesCents: 0,
  conversion: null,
});

/** Per bucket: calls' waits are collected first, then averaged. */
function finish(row: Row, waits: number[]): Row {
  const avg = waits.length ? Math.round(waits.reduce((a, b) => a + b, 0) / waits.length) : null;
  return {
    ...row,
    avgWaitMs: avg,
    longestWaitMs: waits.length ? Math.max(...waits) : null,
    conversion: row.answered ? row.orders / row.answered : null,
  };
}

/**
 * The owner's figures over the last `days` days, per day and per agent. For the shop, "offered" is
 * calls asked for and "missed" calls nobody answered; for an agent, rings offered, answered, let
 * ring out and declined. A wait runs from asking until answered (or until the shopper gave up).
 */
export async function shopStats(db: Db, memberId: string, merchantSlug: string, days = 14, now = new Date()): Promise<ShopStats> {
  const { merchant } = await staffOf(db, memberId, merchantSlug, "owner");
  const since = new Date(now.getTime() - days * 86_400_000);
  const [calls, rings, orders, staff] = await Promise.all([
    db.mallCall.findMany({
      where: { merchantId: merchant.id, kind: "call", queuedAt: { gte: since } },
      select: { queuedAt: true, answeredAt: true, endedAt: true, status: true, outcome: true, agentId: true },
    }),
    db.mallRing.findMany({
      where: { merchantId: merchant.id, at: { gte: since } },
      select: { agentId: true, at: true, result: true, call: { select: { queuedAt: true, answeredAt: true } } },
    }),
    db.order.findMany({
      where: { merchantId: merchant.id, status: "placed", placedAt: { gte: since } },
      select: { agentId: true, placedAt: true, totalCents: true },
    }),
    db.merchantStaff.findMany({ where: { merchantId: merchant.id }, include: { member: { select: { displayName: true } } } }),
  ]);

  const shopRows = new Map<string, { row: Row; waits: number[] }>();
  const bucket = (map: Map<string, { row: Row; waits: number[] }>, day: string) => {
    let b = map.get(day);
    if (!b) map.set(day, (b = { row: empty(day), waits: [] }));
    return b;
  };
  for (const c of calls) {
    // "closed" calls found nobody online: they were never offered to an agent.
    if (c.outcome === "closed") continue;
    for (const b of [bucket(shopRows, dayOf(c.queuedAt)), bucket(shopRows, "all")]) {
      b.row.offered++;
      if (c.answeredAt) {
        b.row.answered++;
        b.waits.push(c.answeredAt.getTime() - c.queuedAt.getTime());
      } else if (c.status === "ended") {
        b.row.missed++;
        if (c.endedAt) b.waits.push(c.endedAt.getTime() - c.queuedAt.getTime());
      }
    }
  }
  const perAgent = new Map<string, Map<string, { row: Row; waits: number[] }>>();
  const agentBucket = (id: string, day: string) => {
    let m = perAgent.get(id);
    if (!m) perAgent.set(id, (m = new Map()));
    return bucket(m, day);
  };
  for (const r of rings) {
    for (const b of [agentBucket(r.agentId, dayOf(r.at)), agentBucket(r.agentId, "all")]) {
      b.row.offered++;
      if (r.result === "answered") {
        b.row.answered++;
        if (r.call.answeredAt) b.waits.push(r.call.answeredAt.getTime() - r.call.queuedAt.getTime());
      } else if (r.result === "missed") b.row.missed++;
      else if (r.result === "declined") b.row.declined++;
    }
  }
  for (const o of orders) {
    const day = dayOf(o.placedAt!);
    for (const b of [bucket(shopRows, day), bucket(shopRows, "all"), agentBucket(o.agentId, day), agentBucket(o.agentId, "all")]) {
      b.row.orders++;
      b.row.salesCents += o.totalCents;
    }
  }
  const sortRows = (m: Map<string, { row: Row; waits: number[] }> | undefined) =>
    [...(m?.values() ?? [])]
      .map((b) => finish(b.row, b.waits))
      .sort((a, b) => (a.day === "all" ? -1 : b.day === "all" ? 1 : b.day.localeCompare(a.day)));
  const names = new Map(staff.map((s) => [s.memberId, s.member.displayName]));
  const agentIds = [...new Set([...staff.map((s) => s.memberId), ...perAgent.keys()])];
  return {
    days,
    shop: sortRows(shopRows),
    agents: agentIds
      .map((id) => ({ memberId: id, name: names.get(id) ?? "Former agent", rows: sortRows(perAgent.get(id)) }))
      .sort((a, b) => a.name.localeCompare(b.name)),
  };
}
