import { z } from "zod";
import { ensureHoldToken, holdToken } from "@/app/_server/hold-cookie";
import { limitHolds, limitLookup } from "@/app/_server/limits";
import { route } from "@/app/_server/route";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { json } from "@/lib/http/respond";
import { currentHold, holdNumber, releaseHold } from "@/lib/numbers/hold-number";

const body = z.object({ number: z.string().max(40), spelled: z.string().max(40).optional() });

/** Holds a number for this browser for NUMBER_HOLD_MINUTES while its owner registers. */
// Two allowances: requests per minute, and numbers held per address per hour (each cookieless
// request is a new holder, so counting holders would not bound anything).
const limitHolding = async (req: Request) => {
  await limitLookup(req);
  await limitHolds(req);
};

export const POST = route({ access: "public", body, rateLimit: limitHolding }, async ({ body }) => {
  const digits = body.number.replace(/[\s\-.()]/g, "");
  const hold = await holdNumber(await db(), {
    digits,
    spelled: body.spelled,
    holderToken: await ensureHoldToken(),
    minutes: env().NUMBER_HOLD_MINUTES,
  });
  return json({ hold }, { status: 201 });
});

export const GET = route({ access: "public", rateLimit: limitLookup }, async () => {
  const token = await holdToken();
  return json({ hold: token ? await currentHold(await db(), token) : null });
});

export const DELETE = route({ access: "public", rateLimit: limitLookup }, async () => {
  const token = await holdToken();
  if (token) await releaseHold(await db(), token);
  return new Response(null, { status: 204 });
});
