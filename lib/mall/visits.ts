import type { Db } from "../db/client";
import { listMerchants, type MerchantCard } from "./catalogue";
import * as r from "./routing";
import { averageCallMs } from "./views";

/** A visitor counts as in the mall while their page reported within this time. */
export const VISIT_TTL_MS = 60_000;
const MAX_AVATARS = 60;
const PALETTE = ["#0ea5e9", "#f97316", "#a855f7", "#10b981", "#ef4444", "#eab308", "#14b8a6", "#6366f1"];

export type VisitorView = { key: string; initials: string; color: string; merchantSlug: string | null };

export async function recordVisit(db: Db, input: { visitor: string; name: string; merchantSlug: string | null }, now = new Date()) {
  await db.mallVisit.upsert({
    where: { visitor: input.visitor },
    create: { visitor: input.visitor, name: input.name, merchantSlug: input.merchantSlug, lastSeenAt: now },
    update: { name: input.name, merchantSlug: input.merchantSlug, lastSeenAt: now },
  });
}

function initials(name: string) {
  const parts = name.split(/\s+/).filter(Boolean);
  return ((parts[0]?.[0] ?? "?") + (parts.length > 1 ? (parts[parts.length - 1]?.[0] ?? "") : "")).toUpperCase();
}

/** A stable colour per visitor, and no identity beyond initials: the skyline is public. */
function colorOf(key: string) {
  let h = 0;
  for (const c of key) h = (h * 31 + c.charCodeAt(0)) >>> 0;
  return PALETTE[h % PALETTE.length]!;
}

/** The skyline's live layer: each shop's availability with its queue and expected wait, and who is walking the mall. */
export async function liveMall(db: Db, now = new Date()): Promise<{ merchants: MerchantCard[]; visitors: VisitorView[] }> {
  const merchants = await listMerchants(db);
  const ids = await db.merchant.findMany({ select: { id: true, slug: true } });
  const idOf = new Map(ids.map((m) => [m.slug, m.id]));
  const queued = await db.mallCall.groupBy({
    by: ["merchantId"],
    where: { status: { in: ["queued", "ringing"] }, kind: "call" },
    _count: { _all: true },
  });
  const waiting = new Map(queued.map((q) => [q.merchantId, q._count._all]));
  for (const m of merchants) {
    const id = idOf.get(m.slug)!;
    const n = waiting.get(id) ?? 0;
    m.availability.waiting = n;
    const working = m.availability.free + m.availability.busy;
    if (m.availability.state === "busy" && working > 0) {
      // The wait of the next shopper to join: as in lib/mall/routing.ts, with everyone already waiting ahead.
      const state: r.RoutingState = {
        agents: Array.from({ length: working }, (_, i) => ({ id: String(i), status: "busy", idleSince: 0, missedInRow: 0 })),
        queue: Array.from({ length: n + 1 }, (_, i) => ({ id: `q${i}`, kind: "call", since: i, tried: [] })),
        rings: [],
      };
      m.availability.waitMs = r.estimatedWaitMs(state, `q${n}`, await averageCallMs(db, id));
    }
  }
  await db.mallVisit.deleteMany({ where: { lastSeenAt: { lt: new Date(now.getTime() - 10 * VISIT_TTL_MS) } } });
  const visits = await db.mallVisit.findMany({
    where: { lastSeenAt: { gt: new Date(now.getTime() - VISIT_TTL_MS) } },
    orderBy: { lastSeenAt: "desc" },
    take: MAX_AVATARS,
  });
  const keyFor = (v: string) => colorOf(v).slice(1) + v.length.toString(36) + v.slice(-4);
  return {
    merchants,
    visitors: visits.map((v) => ({
      key: keyFor(v.visitor),
      initials: initials(v.name),
      color: colorOf(v.visitor),
      merchantSlug: v.merchantSlug,
    })),
  };
}
