import { z } from "zod";
import { limitLookup } from "@/app/_server/limits";
import { route } from "@/app/_server/route";
import { json } from "@/lib/http/respond";
import { recordVisit } from "@/lib/mall/visits";
import { mallDeps, shopperIdentity } from "../_deps";

const body = z.object({
  merchant: z
    .string()
    .trim()
    .regex(/^[a-z0-9-]{1,60}$/, "Unknown shop")
    .nullable()
    .default(null),
});

/** A mall page says its visitor is still here (and in front of which shop), for the skyline's avatars. */
export const POST = route({ access: "public", withMember: true, body, rateLimit: limitLookup }, async ({ member, body }) => {
  const { db } = await mallDeps();
  const who = await shopperIdentity(member, true);
  await recordVisit(db, {
    visitor: who.memberId ? `m:${who.memberId}` : `g:${who.guestId}`,
    name: who.memberId ? who.name : "Guest",
    merchantSlug: body.merchant,
  });
  return json({ ok: true });
});
