import type { Storage } from "../storage";
import { sniffImage } from "../storage/sniff";
import { toKeypadDigits } from "../numbers/keypad";
import { SHOWN_NUMBER, shownNumber } from "../numbers/spelling";
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
  const all = await db.product.findMany({
    where: { merchantId: merchant.id },
    include: { category: { select: { name: true } } },
    orderBy: { name: "asc" },
  });
  const words = fold(q).split(/\s+/).filter(Boolean);
  return all
    .filter((p) => words.every((w) => fold(`${p.name} ${p.category.name} ${p.description}`).includes(w)))
    .slice(0, 30)
    .map((p) => ({ ...productView(merchant.slug, p, p.category.name), id: p.id }));
}

// ——— The owner's storefront: categories, products and pictures ———

export const slugify = (s: string) =>
  fold(s)
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 50) || "item";

export type ProductInput = {
  categoryId: string;
  name: string;
  description: string;
  priceCents: number;
  ageRestricted: boolean;
  emoji: string;
};

export async function addCategory(db: Db, memberId: string, merchantSlug: string, name: string) {
  const { merchant } = await staffOf(db, memberId, merchantSlug, "owner");
  const clean = name.replace(/\s+/g, " ").trim();
  if (await db.productCategory.findUnique({ where: { merchantId_name: { merchantId: merchant.id, name: clean } } })) {
    throw new DomainError("CONFLICT", `There is already a category called "${clean}".`);
  }
  const last = await db.productCategory.findFirst({ where: { merchantId: merchant.id }, orderBy: { position: "desc" } });
  return db.productCategory.create({ data: { merchantId: merchant.id, name: clean, position: (last?.position ?? -1) + 1 } });
}

export async function deleteCategory(db: Db, memberId: string, merchantSlug: string, categoryId: string) {
  const { merchant } = await staffOf(db, memberId, merchantSlug, "owner");
  const c = await db.productCategory.findFirst({
    where: { id: categoryId, merchantId: merchant.id },
    include: { _count: { select: { products: true } } },
  });
  if (!c) throw new DomainError("NOT_FOUND", "No such category.");
  if (c._count.products > 0) throw new DomainError("CONFLICT", "Move or delete its products first: the category is not empty.");
  await db.productCategory.delete({ where: { id: c.id } });
}

async function categoryOf(db: Db, merchantId: string, categoryId: string) {
  const c = await db.productCategory.findFirst({ where: { id: categoryId, merchantId } });
  if (!c) throw new DomainError("VALIDATION_FAILED", "categoryId: choose one of the shop's categories", { field: "categoryId" });
  return c;
}

export async function createProduct(db: Db, memberId: string, merchantSlug: string, input: ProductInput) {
  const { merchant } = await staffOf(db, memberId, merchantSlug, "owner");
  await categoryOf(db, merchant.id, input.categoryId);
  let slug = slugify(input.name);
  for (let n = 2; await db.product.findUnique({ where: { merchantId_slug: { merchantId: merchant.id, slug } } }); n++)
    slug = `${slugify(input.name)}-${n}`;
  return db.product.create({ data: { merchantId: merchant.id, slug, ...input } });
}

export async function updateProduct(db: Db, memberId: string, merchantSlug: string, productId: string, input: Partial<ProductInput>) {
  const { merchant } = await staffOf(db, memberId, merchantSlug, "owner");
  const p = await db.product.findFirst({ where: { id: productId, merchantId: merchant.id } });
  if (!p) throw new DomainError("NOT_FOUND", "No such product.");
  if (input.categoryId) await categoryOf(db, merchant.id, input.categoryId);
  return db.product.update({ where: { id: p.id }, data: input });
}

export async function deleteProduct(db: Db, storage: Storage, memberId: string, merchantSlug: string, productId: string) {
  const { merchant } = await staffOf(db, memberId, merchantSlug, "owner");
  const p = await db.product.findFirst({ where: { id: productId, merchantId: merchant.id } });
  if (!p) throw new DomainError("NOT_FOUND", "No such product.");
  await db.product.delete({ where: { id: p.id } });
  if (p.imageKey) await storage.delete(p.imageKey).catch(() => undefined);
}

/** A photo of the product (JPEG, PNG or WebP by its bytes, at most maxBytes) replaces the drawn picture. */
export async function setProductImage(
  db: Db,
  storage: Storage,
  memberId: string,
  merchantSlug: string,
  productId: string,
  bytes: Uint8Array,
  maxBytes: number,
) {
  const { merchant } = await staffOf(db, memberId, merchantSlug, "owner");
  const p = await db.product.findFirst({ where: { id: productId, merchantId: merchant.id } });
  if (!p) throw new DomainError("NOT_FOUND", "No such product.");
  if (bytes.length > maxBytes)
    throw new DomainError("PAYLOAD_TOO_LARGE", `The picture is larger than ${Math.round(maxBytes / 1024 / 1024)} MB.`, { field: "image" });
  const type = sniffImage(bytes);
  if (!type) throw new DomainError("UNSUPPORTED_MEDIA_TYPE", "The picture must be a JPEG, PNG or WebP image.", { field: "image" });
  const key = `mall/${merchant.id}/${p.id}-${Date.now().toString(36)}.${type.ext}`;
  await storage.put(key, bytes);
  await db.product.update({ where: { id: p.id }, data: { imageKey: key } });
  if (p.imageKey) await storage.delete(p.imageKey).catch(() => undefined);
  return key;
}

// ——— The owner's team ———

export type StaffView = {
  memberId: string;
  handle: string;
  displayName: string;
  number: string | null;
  role: "owner" | "agent";
  status: string;
};

export async function listStaff(db: Db, memberId: string, merchantSlug: string): Promise<StaffView[]> {
  const { merchant } = await staffOf(db, memberId, merchantSlug, "owner");
  const rows = await db.merchantStaff.findMany({
    where: { merchantId: merchant.id },
    include: { member: { select: { handle: true, displayName: true, number: { select: SHOWN_NUMBER } } } },
  });
  return rows
    .map((r) => ({
      memberId: r.memberId,
      handle: r.member.handle,
      displayName: r.member.displayName,
      number: shownNumber(r.member.number),
      role: r.role as StaffView["role"],
      status: r.status,
    }))
    .sort((a, b) => (a.role === b.role ? a.displayName.localeCompare(b.displayName) : a.role === "owner" ? -1 : 1));
}

/** Adds a member as an agent, found by their communication number (digits or keypad letters) or email. */
export async function addAgent(db: Db, memberId: string, merchantSlug: string, numberOrEmail: string) {
  const { merchant } = await staffOf(db, memberId, merchantSlug, "owner");
  const q = numberOrEmail.trim();
  let found: { id: string } | null;
  if (q.includes("@")) {
    found = await db.member.findUnique({ where: { emailKey: q.toLowerCase() }, select: { id: true } });
  } else {
    const k = toKeypadDigits(q);
    if (!k.ok || k.digits.length !== 12)
      throw new DomainError("VALIDATION_FAILED", "Enter a member's 12-digit number or their email address.", { field: "member" });
    const n = await db.phoneNumber.findUnique({ where: { digits: k.digits }, select: { memberId: true } });
    found = n?.memberId ? { id: n.memberId } : null;
  }
  if (!found) throw new DomainError("NOT_FOUND", "No member has that number or email.");
  if (await db.merchantStaff.findUnique({ where: { merchantId_memberId: { merchantId: merchant.id, memberId: found.id } } })) {
    throw new DomainError("CONFLICT", "That member already works for this shop.");
  }
  await db.merchantStaff.create({ data: { merchantId: merchant.id, memberId: found.id, role: "agent" } });
}

export async function removeAgent(db: Db, memberId: string, merchantSlug: string, agentId: string) {
  const { merchant } = await staffOf(db, memberId, merchantSlug, "owner");
  const s = await db.merchantStaff.findUnique({ where: { merchantId_memberId: { merchantId: merchant.id, memberId: agentId } } });
  if (!s) throw new DomainError("NOT_FOUND", "That member does not work for this shop.");
  if (s.role === "owner") throw new DomainError("CONFLICT", "The owner cannot be removed.");
  await db.merchantStaff.delete({ where: { id: s.id } });
}
