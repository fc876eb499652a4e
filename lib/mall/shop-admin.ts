import type { Db } from "../db/client";
import { listStaff, staffOf } from "./manage";
import { shopStats } from "./stats";

/** The owner's page in one read: catalogue with ids, team, figures. */
export async function shopAdmin(db: Db, memberId: string, merchantSlug: string) {
  const { merchant } = await staffOf(db, memberId, merchantSlug, "owner");
  const categories = await db.productCategory.findMany({
    where: { merchantId: merchant.id },
    orderBy: { position: "asc" },
    include: { products: { orderBy: { name: "asc" } } },
  });
  return {
    shop: merchant,
    categories: categories.map((c) => ({
      id: c.id,
      name: c.name,
      products: c.products.map((p) => ({
        id: p.id,
        slug: p.slug,
        name: p.name,
        description: p.description,
        priceCents: p.priceCents,
        currency: p.currency,
        ageRestricted: p.ageRestricted,
        emoji: p.emoji,
        hasPhoto: !!p.imageKey,
        pictureUrl: `/api/mall/pictures/${merchant.slug}/${p.slug}?v=${p.imageKey ?? "drawn"}`,
      })),
    })),
    staff: await listStaff(db, memberId, merchantSlug),
    stats: await shopStats(db, memberId, merchantSlug),
  };
}
export type ShopAdmin = Awaited<ReturnType<typeof shopAdmin>>;
