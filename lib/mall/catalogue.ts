import { EXPIRY_MS } from "../presence/status";
import type { Db } from "../db/client";

export type Availability = {
  agents: number;
  free: number;
  busy: number;
  state: "open" | "busy" | "closed";
  waiting?: number;
  waitMs?: number | null;
};

export type MerchantCard = {
  slug: string;
  name: string;
  category: string;
  tagline: string;
  color: string;
  accent: string;
  mark: string;
  availability: Availability;
  ownerHandle: string | null;
};

const card = (
  m: { slug: string; name: string; category: string; tagline: string; color: string; accent: string; mark: string },
  availability: Availability,
  ownerHandle: string | null,
): MerchantCard => ({
  slug: m.slug,
  name: m.name,
  category: m.category,
  tagline: m.tagline,
  color: m.color,
  accent: m.accent,
  mark: m.mark,
  availability,
  ownerHandle,
});

/**
 * Who can take a call now. A staff member (agent or owner) is free when they chose "available" at
 * the console, are connected, and are in no mall call; busy while in one.
 */
async function availabilityOf(
  db: Db,
  merchantIds: string[],
): Promise<Map<string, { availability: Availability; ownerHandle: string | null }>> {
  const staff = await db.merchantStaff.findMany({
    where: { merchantId: { in: merchantIds } },
    select: { merchantId: true, role: true, status: true, memberId: true, member: { select: { handle: true } } },
  });
  const ids = staff.map((s) => s.memberId);
  const [talking, live] = await Promise.all([
    db.mallCall.findMany({ where: { status: "connected", agentId: { in: ids } }, select: { agentId: true } }),
    db.presenceConnection.findMany({
      where: { memberId: { in: ids }, lastSeenAt: { gt: new Date(Date.now() - EXPIRY_MS) } },
      select: { memberId: true },
    }),
  ]);
  const inCall = new Set(talking.map((t) => t.agentId));
  const online = new Set(live.map((l) => l.memberId));
  const out = new Map<string, { availability: Availability; ownerHandle: string | null }>();
  for (const id of merchantIds) {
    const mine = staff.filter((s) => s.merchantId === id);
    const busy = mine.filter((a) => inCall.has(a.memberId)).length;
    const free = mine.filter((a) => a.status === "available" && online.has(a.memberId) && !inCall.has(a.memberId)).length;
    const agents = mine.filter((s) => s.role === "agent").length;
    const state = free > 0 ? "open" : busy > 0 ? "busy" : "closed";
    out.set(id, { availability: { agents, free, busy, state }, ownerHandle: mine.find((s) => s.role === "owner")?.member.handle ?? null });
  }
  return out;
}

export async function listMerchants(db: Db): Promise<MerchantCard[]> {
  const merchants = await db.merchant.findMany({ orderBy: { name: "asc" } });
  const av = await availabilityOf(
    db,
    merchants.map((m) => m.id),
  );
  return merchants.map((m) => card(m, av.get(m.id)!.availability, av.get(m.id)!.ownerHandle));
}

export type ProductView = {
  slug: string;
  name: string;
  description: string;
  priceCents: number;
  currency: string;
  ageRestricted: boolean;
  emoji: string;
  category: string;
  pictureUrl: string;
};

export const productView = (
  merchantSlug: string,
  p: { slug: string; name: string; description: string; priceCents: number; currency: string; ageRestricted: boolean; emoji: string },
  category: string,
): ProductView => ({
  slug: p.slug,
  name: p.name,
  description: p.description,
  priceCents: p.priceCents,
  currency: p.currency,
  ageRestricted: p.ageRestricted,
  emoji: p.emoji,
  category,
  pictureUrl: `/api/mall/pictures/${merchantSlug}/${p.slug}`,
});

export async function getStorefront(db: Db, slug: string) {
  const m = await db.merchant.findUnique({
    where: { slug },
    include: { categories: { orderBy: { position: "asc" }, include: { products: { orderBy: { name: "asc" } } } } },
  });
  if (!m) return null;
  const av = (await availabilityOf(db, [m.id])).get(m.id)!;
  return {
    merchant: card(m, av.availability, av.ownerHandle),
    categories: m.categories.map((c) => ({ name: c.name, products: c.products.map((p) => productView(m.slug, p, c.name)) })),
  };
}

export async function getProduct(db: Db, merchantSlug: string, productSlug: string) {
  const m = await db.merchant.findUnique({ where: { slug: merchantSlug } });
  if (!m) return null;
  const p = await db.product.findUnique({
    where: { merchantId_slug: { merchantId: m.id, slug: productSlug } },
    include: { category: true },
  });
  if (!p) return null;
  const av = (await availabilityOf(db, [m.id])).get(m.id)!;
  return { merchant: card(m, av.availability, av.ownerHandle), product: productView(m.slug, p, p.category.name) };
}

/** Others of the same category with a free agent, for a merchant that is closed or full. */
export function alternatives(all: MerchantCard[], of: MerchantCard): MerchantCard[] {
  return all.filter((m) => m.slug !== of.slug && m.category === of.category && m.availability.state === "open");
}

export const formatPrice = (cents: number, currency: string) =>
  new Intl.NumberFormat("en-IE", { style: "currency", currency }).format(cents / 100);
