import { z } from "zod";
import { route } from "@/app/_server/route";
import { holdToken } from "@/app/_server/hold-cookie";
import { limitLookup } from "@/app/_server/limits";
import { db } from "@/lib/db/client";
import { json } from "@/lib/http/respond";
import { checkVanity } from "@/lib/numbers/check-vanity";

const query = z.object({
  q: z.string().max(40, "Type at most 40 characters"),
  position: z.enum(["start", "middle", "end"]).default("end"),
});

/** Is the vanity number free? Public: people check before they have an account. */
export const GET = route({ access: "public", query, rateLimit: limitLookup }, async ({ query }) => {
  const result = await checkVanity(await db(), { input: query.q, position: query.position, holderToken: await holdToken() });
  return json(result);
});
