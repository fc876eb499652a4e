import type { Db } from "../db/client";
import type { Changes } from "./registry";

/** A presence node's writes. Every call is one or two statements, whatever the number of connections. */
export async function clearNode(db: Db, nodeId: string): Promise<number> {
  return (await db.presenceConnection.deleteMany({ where: { nodeId } })).count;
}

/** Rows per statement: SQLite caps the number of bound parameters, and a reconnection storm brings thousands at once. */
const CHUNK = 500;
const chunks = <T>(list: T[]) => Array.from({ length: Math.ceil(list.length / CHUNK) }, (_, i) => list.slice(i * CHUNK, (i + 1) * CHUNK));

export async function writeChanges(
  db: Db,
  nodeId: string,
  ch: Pick<Changes, "upserts" | "deletes"> & Partial<Pick<Changes, "idle">>,
  now = new Date(),
): Promise<void> {
  const drop = [...ch.deletes, ...ch.upserts.map((c) => c.id)];
  // A stored row that only went idle or active is two updates for all of them, not a rewrite of each.
  const idle = (v: boolean) => (ch.idle ?? []).filter((c) => c.idle === v).map((c) => c.id);
  const flips = [true, false].flatMap((v) =>
    chunks(idle(v)).map((ids) => db.presenceConnection.updateMany({ where: { id: { in: ids } }, data: { idle: v } })),
  );
  if (drop.length === 0 && flips.length === 0) return;
  await db.$transaction([
    ...flips,
    // Closed connections: their members were seen just now (a reloading page is called back, see
    // RECONNECT_GRACE_MS). Marked before the rows go, in the same transaction.
    ...chunks(ch.deletes).map((ids) =>
      db.member.updateMany({ where: { connections: { some: { id: { in: ids } } } }, data: { presenceSeenAt: now } }),
    ),
    ...chunks(drop).map((ids) => db.presenceConnection.deleteMany({ where: { id: { in: ids } } })),
    ...chunks(ch.upserts).map((part) =>
      db.presenceConnection.createMany({
        data: part.map((c) => ({
          id: c.id,
          memberId: c.memberId,
          guestId: c.guestId,
          nodeId,
          deviceId: c.deviceId,
          address: c.address,
          userAgent: c.userAgent.slice(0, 300),
          idle: c.idle,
          connectedAt: c.connectedAt,
          lastSeenAt: now,
        })),
      }),
    ),
  ]);
}

/** The node's heartbeat: every row it holds is seen now. */
export async function beat(db: Db, nodeId: string, now = new Date()): Promise<number> {
  return (await db.presenceConnection.updateMany({ where: { nodeId }, data: { lastSeenAt: now } })).count;
}

/** Rows long expired (a node that never came back) are removed by whichever node sweeps. */
export async function sweepExpired(db: Db, olderThanMs: number, now = new Date()): Promise<number> {
  return (await db.presenceConnection.deleteMany({ where: { lastSeenAt: { lt: new Date(now.getTime() - olderThanMs) } } })).count;
}
