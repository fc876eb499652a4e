import type { Db } from "../db/client";
import { recordInParts } from "../db/in-parts";
import { EXPIRY_MS, publicStatus, type PublicStatus } from "./status";

/**
 * How route handlers (and presence nodes) read presence: from the connection
 * rows the nodes write, ignoring rows older than the expiry.
 */
export async function getStatuses(db: Db, memberIds: string[], now = new Date()): Promise<Record<string, PublicStatus>> {
  const ids = [...new Set(memberIds)];
  if (ids.length === 0) return {};
  return recordInParts(ids, async (part) =>
    statusesOf(db, await db.member.findMany({ where: { id: { in: part } }, select: { id: true, presenceSetting: true } }), now),
  );
}

/** The same, for members whose setting the caller has already read. */
export async function statusesOf(
  db: Db,
  members: { id: string; presenceSetting: string }[],
  now = new Date(),
): Promise<Record<string, PublicStatus>> {
  if (members.length === 0) return {};
  const since = new Date(now.getTime() - EXPIRY_MS);
  const ids = members.map((m) => m.id);
  const [conns, calls] = await Promise.all([
    db.presenceConnection.findMany({ where: { memberId: { in: ids }, lastSeenAt: { gt: since } }, select: { memberId: true, idle: true } }),
    // In a call means busy to everyone else.
    db.call.findMany({
      where: { status: "connected", OR: [{ callerId: { in: ids } }, { calleeId: { in: ids } }] },
      select: { callerId: true, calleeId: true },
    }),
  ]);
  const inCall = new Set(calls.flatMap((c) => [c.callerId, c.calleeId]));
  const live = new Map<string, { n: number; idle: number }>();
  for (const c of conns) {
    const s = live.get(c.memberId!) ?? { n: 0, idle: 0 };
    s.n++;
    if (c.idle) s.idle++;
    live.set(c.memberId!, s);
  }
  const out: Record<string, PublicStatus> = {};
  for (const m of members) {
    const s = live.get(m.id);
    out[m.id] = publicStatus({
      setting: m.presenceSetting,
      liveConnections: s?.n ?? 0,
      allIdle: !!s && s.idle === s.n,
      inCall: inCall.has(m.id),
    });
  }
  return out;
}

export async function getStatus(db: Db, memberId: string, now = new Date()): Promise<PublicStatus> {
  return (await getStatuses(db, [memberId], now))[memberId] ?? "offline";
}

/** Members others can see online right now (invisible ones excluded). */
export async function visibleOnlineMemberIds(db: Db, now = new Date()): Promise<string[]> {
  const since = new Date(now.getTime() - EXPIRY_MS);
  const rows = await db.presenceConnection.findMany({
    where: { lastSeenAt: { gt: since }, memberId: { not: null }, member: { presenceSetting: { not: "invisible" } } },
    select: { memberId: true },
    distinct: ["memberId"],
  });
  return rows.map((r) => r.memberId!);
}
