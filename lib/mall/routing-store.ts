import { env } from "../env";
import type { Db } from "../db/client";
import { EXPIRY_MS } from "../presence/status";
import * as r from "./routing";

/** A transaction's client: what a routing step reads and writes through. */
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

export type Loaded = { state: r.RoutingState; staffStatus: Map<string, string> };

const parseTried = (s: string): string[] => {
  try {
    const v = JSON.parse(s);
    return Array.isArray(v) ? v.filter((x) => typeof x === "string") : [];
  } catch {
    return [];
  }
};

/**
 * The routing machine's state for one merchant, from the database: an agent is busy in a connected
 * mall call (any shop), available only when they chose it and have a live connection (a console
 * left open), away otherwise.
 */
export async function loadRouting(tx: Tx, merchantId: string, now: Date): Promise<Loaded> {
  const staff = await tx.merchantStaff.findMany({
    where: { merchantId },
    select: { memberId: true, status: true, idleSince: true, missedInRow: true },
  });
  const ids = staff.map((s) => s.memberId);
  const [live, talking, active] = await Promise.all([
    tx.presenceConnection.findMany({
      where: { memberId: { in: ids }, lastSeenAt: { gt: new Date(now.getTime() - EXPIRY_MS) } },
      select: { memberId: true },
    }),
    tx.mallCall.findMany({ where: { agentId: { in: ids }, status: "connected" }, select: { agentId: true } }),
    tx.mallCall.findMany({ where: { merchantId, status: { in: ["queued", "ringing"] } }, orderBy: { queuedAt: "asc" } }),
  ]);
  const online = new Set(live.map((l) => l.memberId));
  const busy = new Set(talking.map((t) => t.agentId));
  const agents: r.Agent[] = staff.map((s) => ({
    id: s.memberId,
    status: busy.has(s.memberId) ? "busy" : s.status === "available" && online.has(s.memberId) ? "available" : "away",
    idleSince: s.idleSince.getTime(),
    missedInRow: s.missedInRow,
  }));
  const queue: r.Waiting[] = active
    .filter((c) => c.status === "queued")
    .map((c) => ({ id: c.id, kind: c.kind as r.Waiting["kind"], since: c.queuedAt.getTime(), tried: parseTried(c.tried) }));
  const rings: r.Ring[] = active
    .filter((c) => c.status === "ringing" && c.agentId && c.ringUntil)
    .map((c) => ({
      requestId: c.id,
      agentId: c.agentId!,
      until: c.ringUntil!.getTime(),
      since: c.queuedAt.getTime(),
      kind: c.kind as r.Waiting["kind"],
      tried: parseTried(c.tried),
    }));
  return {
    state: { agents, queue, rings, ringMs: env().MALL_AGENT_RING_SECONDS * 1000 },
    staffStatus: new Map(staff.map((s) => [s.memberId, s.status])),
  };
}

/** Writes what a step changed: rings started, requests back in the queue, agents' idle times, misses and auto-away. */
export async function saveRouting(tx: Tx, merchantId: string, before: Loaded, after: r.RoutingState, now: Date): Promise<void> {
  const ringOf = (s: r.RoutingState, id: string) => s.rings.find((x) => x.requestId === id);
  for (const ring of after.rings) {
    const old = ringOf(before.state, ring.requestId);
    // The same agent rung again for the same request is a new ring (new time, new row).
    if (old && old.agentId === ring.agentId && old.until === ring.until) continue;
    await tx.mallCall.update({
      where: { id: ring.requestId },
      data: { status: "ringing", agentId: ring.agentId, ringUntil: new Date(ring.until), tried: JSON.stringify(ring.tried) },
    });
    await tx.mallRing.create({ data: { callId: ring.requestId, merchantId, agentId: ring.agentId, at: now } });
  }
  for (const w of after.queue) {
    if (!ringOf(before.state, w.id)) continue;
    await tx.mallCall.update({
      where: { id: w.id },
      data: { status: "queued", agentId: null, ringUntil: null, tried: JSON.stringify(w.tried) },
    });
  }
  for (const a of after.agents) {
    const old = before.state.agents.find((x) => x.id === a.id);
    if (!old) continue;
    const data: { status?: string; idleSince?: Date; missedInRow?: number } = {};
    if (a.status === "away" && old.status !== "away") data.status = "away";
    if (a.status === "available" && before.staffStatus.get(a.id) !== "available") data.status = "available";
    if (a.idleSince !== old.idleSince) data.idleSince = new Date(a.idleSince);
    if (a.missedInRow !== old.missedInRow) data.missedInRow = a.missedInRow;
    if (Object.keys(data).length) await tx.merchantStaff.update({ where: { merchantId_memberId: { merchantId, memberId: a.id } }, data });
  }
}

/**
 * Runs one routing step for a merchant in a transaction. Bumping the merchant's routingVersion
 * first takes its row lock on PostgreSQL (SQLite's transactions are serial anyway), so two steps
 * for the same shop never interleave. `lockFirst` takes any other lock the step needs before that
 * one, so that every step takes its locks in the same order.
 */
export async function routingStep<T>(
  db: Db,
  merchantId: string,
  now: Date,
  fn: (tx: Tx, loaded: Loaded) => Promise<T>,
  opts: { lockFirst?: (tx: Tx) => Promise<void> } = {},
): Promise<T> {
  return db.$transaction(
    async (tx) => {
      await opts.lockFirst?.(tx);
      await tx.merchant.update({ where: { id: merchantId }, data: { routingVersion: { increment: 1 } } });
      return fn(tx, await loadRouting(tx, merchantId, now));
    },
    { timeout: 15_000, maxWait: 15_000 },
  );
}
