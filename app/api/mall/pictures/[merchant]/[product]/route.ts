import { z } from "zod";
import { route } from "@/app/_server/route";
import { db } from "@/lib/db/client";
import { DomainError } from "@/lib/errors";
import { productSvg } from "@/lib/mall/art";
import { storage } from "@/lib/storage";
import { IMAGE_MIME_BY_EXT } from "@/lib/storage/sniff";

const params = z.object({ merchant: z.string().regex(/^[a-z0-9-]{1,60}$/), product: z.string().regex(/^[a-z0-9-]{1,60}$/) });

/** A product's picture: public, like the storefront. */
export const GET = route({ access: "public", params }, async ({ params }) => {
  const client = await db();
  const m = await client.merchant.findUnique({ where: { slug: params.merchant } });
  const p = m && (await client.product.findUnique({ where: { merchantId_slug: { merchantId: m.id, slug: params.product } } }));
  if (!m || !p) throw new DomainError("NOT_FOUND", "No such product.");
  // The owner's photo when there is one; otherwise the portal draws the picture.
  const photo = p.imageKey ? await storage().get(p.imageKey) : null;
  if (photo) {
    const ext = p.imageKey!.split(".").pop() ?? "";
    return new Response(new Uint8Array(photo), { headers: { "content-type": IMAGE_MIME_BY_EXT[ext] ?? "application/octet-stream", "cache-control": "public, max-age=300", "x-content-type-options": "nosniff" } });
  }
  return new Response(productSvg(p, m), { headers: { "content-type": "image/svg+xml", "cache-control": "public, max-age=300", "x-content-type-options": "nosniff", "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'" } });
});
