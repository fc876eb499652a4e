import type { Db } from "../db/client";
import { DomainError } from "../errors";
import { type ProductView, productView } from "./catalogue";

/** The staff row that lets a member act for a shop; owners pass `owner` to require that role. */
export async function staffOf(db: Db, memberId: string, merchantSlug: string, need: "staff" | "owner" = "staff") {
  const m = await db.merchant.findUnique({ where: { slug: merchantSlug }, select: { id: true, slug: true, name: true } });
  const s = m ? await db.merchantStaff.findUnique({ where: { merchantId_memberId: { merchantId: m.id, memberId } } }) : null;
  // Someone else's shop looks the same as no shop.
  if (!m || !s) throw new DomainError("NOT_FOUND", "No such shop among yours.");
  if (need === "owner" && s.role !== "owner") throw new DomainError("FORBIDDEN", "Only the shop's owner can do that.");
  return { merchant: m, staff: s };
}

const fold = (s: string) => s.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();

export type ProductHit = ProductView & { id: string };

/** Products of one shop whose name, category or description match every word typed. */
export async function searchProducts(db: Db, memberId: string, merchantSlug: string, q: string): Promise<ProductHit[]> {
  const { merchant } = await staffOf(db, memberId, merchantSlug);
  const all = await db.product.findMany({ where: { merchantId: merchant.id }, include: { category: { select: { name: true } } }, orderBy: { name: "asc" } });
  const words = fold(q).split(/\s+/).filter(Boolean);
  return all
    .filter((p) => words.every((w) => fold(`${p.name} ${p.category.name} ${p.description}`).includes(w)))
    .slice(0, 30)
    .map((p) => ({ ...productView(merchant.slug, p, p.category.name), id: p.id }));
}
