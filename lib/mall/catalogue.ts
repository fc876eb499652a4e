import type { Db } from "../db/client";

export type Availability = { agents: number; free: number; busy: number; state: "open" | "busy" | "closed" };

export type MerchantCard = {
  slug: string; name: string; category: string; tagline: string; color: string; accent: string; mark: string;
  availability: Availability; ownerHandle: string | null;
};

const card = (
  m: { slug: string; name: string; category: string; tagline: string; color: string; accent: string; mark: string },
  availability: Availability,
  ownerHandle: string | null,
): MerchantCard => ({ slug: m.slug, name: m.name, category: m.category, tagline: m.tagline, color: m.color, accent: m.accent, mark: m.mark, availability, ownerHandle });

/**
 * Who can take a call now. An agent is free when they chose "available" and are in no call; busy
 * when in a call (calls to a merchant's agents arrive with the console; for now, any member call).
 */
async function availabilityOf(db: Db, merchantIds: string[]): Promise<Map<string, { availability: Availability; ownerHandle: string | null }>> {
  const staff = await db.merchantStaff.findMany({
    where: { merchantId: { in: merchantIds } },
    select: { merchantId: true, role: true, status: true, memberId: true, member: { select: { handle: true } } },
  });
  const agentIds = staff.filter((s) => s.role === "agent").map((s) => s.memberId);
  const inCall = new Set(
    (await db.call.findMany({ where: { status: "connected", OR: [{ callerId: { in: agentIds } }, { calleeId: { in: agentIds } }] }, select: { callerId: true, calleeId: true } }))
      .flatMap((c) => [c.callerId, c.calleeId]),
  );
  const out = new Map<string, { availability: Availability; ownerHandle: string | null }>();
  for (const id of merchantIds) {
    const mine = staff.filter((s) => s.merchantId === id);
    const agents = mine.filter((s) => s.role === "agent");
    const busy = agents.filter((a) => inCall.has(a.memberId)).length;
    const free = agents.filter((a) => a.status === "available" && !inCall.has(a.memberId)).length;
    const state = free > 0 ? "open" : busy > 0 ? "busy" : "closed";
    out.set(id, { availability: { agents: agents.length, free, busy, state }, ownerHandle: mine.find((s) => s.role === "owner")?.member.handle ?? null });
  }
  return out;
}

export async function listMerchants(db: Db): Promise<MerchantCard[]> {
  const merchants = await db.merchant.findMany({ orderBy: { name: "asc" } });
  const av = await availabilityOf(db, merchants.map((m) => m.id));
  return merchants.map((m) => card(m, av.get(m.id)!.availability, av.get(m.id)!.ownerHandle));
}

export type ProductView = { slug: string; name: string; description: string; priceCents: number; currency: string; ageRestricted: boolean; emoji: string; category: string; pictureUrl: string };

const productView = (merchantSlug: string, p: { slug: string; name: string; description: string; priceCents: number; currency: string; ageRestricted: boolean; emoji: string }, category: string): ProductView => ({
  slug: p.slug, name: p.name, description: p.description, priceCents: p.priceCents, currency: p.currency, ageRestricted: p.ageRestricted, emoji: p.emoji, category,
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
  const p = await db.product.findUnique({ where: { merchantId_slug: { merchantId: m.id, slug: productSlug } }, include: { category: true } });
  if (!p) return null;
  const av = (await availabilityOf(db, [m.id])).get(m.id)!;
  return { merchant: card(m, av.availability, av.ownerHandle), product: productView(m.slug, p, p.category.name) };
}

/** Others of the same category with a free agent, for a merchant that is closed or full. */
export function alternatives(all: MerchantCard[], of: MerchantCard): MerchantCard[] {
  return all.filter((m) => m.slug !== of.slug && m.category === of.category && m.availability.state === "open");
}

export const formatPrice = (cents: number, currency: string) => new Intl.NumberFormat("en-IE", { style: "currency", currency }).format(cents / 100);
