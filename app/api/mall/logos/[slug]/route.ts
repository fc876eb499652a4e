import { z } from "zod";
import { route } from "@/app/_server/route";
import { db } from "@/lib/db/client";
import { merchantLogo } from "@/lib/mall/pictures";

const params = z.object({ slug: z.string().regex(/^[a-z0-9-]{1,60}$/) });

/** A merchant's logo: public, like the mall. */
export const GET = route({ access: "public", params }, async ({ params }) => {
  const logo = await merchantLogo(await db(), params.slug);
  return new Response(logo.bytes, {
    headers: {
      "content-type": logo.type,
      "cache-control": "public, max-age=3600",
      "x-content-type-options": "nosniff",
      "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'",
    },
  });
});
