import { z } from "zod";
import { route } from "@/app/_server/route";
import { json } from "@/lib/http/respond";
import { deleteProduct, updateProduct } from "@/lib/mall/manage";
import { storage } from "@/lib/storage";
import { mallDeps } from "../../../../../mall/_deps";
import { productFields, shopParams } from "../../_schemas";

const params = shopParams.extend({ id: z.string().min(1).max(40) });
const patch = z.object({
  categoryId: productFields.categoryId.optional(),
  name: productFields.name.optional(),
  description: z.string().trim().max(500).optional(),
  price: productFields.price.optional(),
  ageRestricted: z.boolean().optional(),
  emoji: z.string().trim().min(1).max(8).optional(),
});

export const PATCH = route({ access: "member", params, body: patch }, async ({ member, params, body }) => {
  const { db } = await mallDeps();
  const { price, ...rest } = body;
  return json(
    await updateProduct(db, member.id, params.slug, params.id, { ...rest, ...(price !== undefined ? { priceCents: price } : {}) }),
  );
});

export const DELETE = route({ access: "member", params }, async ({ member, params }) => {
  const { db } = await mallDeps();
  await deleteProduct(db, storage(), member.id, params.slug, params.id);
  return json({ ok: true });
});
