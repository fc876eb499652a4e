import { z } from "zod";
import { route } from "@/app/_server/route";
import { json } from "@/lib/http/respond";
import { createProduct } from "@/lib/mall/manage";
import { mallDeps } from "../../../../mall/_deps";
import { productFields, shopParams } from "../_schemas";

export const POST = route({ access: "member", params: shopParams, body: z.object(productFields) }, async ({ member, params, body }) => {
  const { db } = await mallDeps();
  const { price, ...rest } = body;
  return json(await createProduct(db, member.id, params.slug, { ...rest, priceCents: price }), { status: 201 });
});
