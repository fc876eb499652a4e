import { z } from "zod";
import { route } from "@/app/_server/route";
import { db } from "@/lib/db/client";
import { productPicture } from "@/lib/mall/pictures";
import { storage } from "@/lib/storage";

const params = z.object({ merchant: z.string().regex(/^[a-z0-9-]{1,60}$/), product: z.string().regex(/^[a-z0-9-]{1,60}$/) });

/** A product's picture: public, like the storefront. */
export const GET = route({ access: "public", params }, async ({ params }) => {
  const picture = await productPicture(await db(), storage(), params.merchant, params.product);
  const headers: Record<string, string> = {
    "content-type": picture.type,
    "cache-control": "public, max-age=300",
    "x-content-type-options": "nosniff",
  };
  // A drawn SVG is a document: it may style itself and do nothing else.
  if (picture.drawn) headers["content-security-policy"] = "default-src 'none'; style-src 'unsafe-inline'";
  return new Response(picture.bytes, { headers });
});
