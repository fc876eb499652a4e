import { z } from "zod";
import { route } from "@/app/_server/route";
import { db } from "@/lib/db/client";
import { DomainError } from "@/lib/errors";
import { productSvg } from "@/lib/mall/art";

const params = z.object({ merchant: z.string().regex(/^[a-z0-9-]{1,60}$/), product: z.string().regex(/^[a-z0-9-]{1,60}$/) });

/** A product's picture: public, like the storefront. */
export const GET = route({ access: "public", params }, async ({ params }) => {
  const client = await db();
  const m = await client.merchant.findUnique({ where: { slug: params.merchant } });
  const p = m && (await client.product.findUnique({ where: { merchantId_slug: { merchantId: m.id, slug: params.product } } }));
  if (!m || !p) throw new DomainError("NOT_FOUND", "No such product.");
  return new Response(productSvg(p, m), { headers: { "content-type": "image/svg+xml", "cache-control": "public, max-age=3600", "x-content-type-options": "nosniff", "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'" } });
});
