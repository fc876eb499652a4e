import { z } from "zod";
import { route } from "@/app/_server/route";
import { db } from "@/lib/db/client";
import { DomainError } from "@/lib/errors";
import { logoSvg } from "@/lib/mall/art";

const params = z.object({ slug: z.string().regex(/^[a-z0-9-]{1,60}$/) });

/** A merchant's logo: public, like the mall. */
export const GET = route({ access: "public", params }, async ({ params }) => {
  const m = await (await db()).merchant.findUnique({ where: { slug: params.slug } });
  if (!m) throw new DomainError("NOT_FOUND", "No such merchant.");
  return new Response(logoSvg(m), { headers: { "content-type": "image/svg+xml", "cache-control": "public, max-age=3600", "x-content-type-options": "nosniff", "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'" } });
});
