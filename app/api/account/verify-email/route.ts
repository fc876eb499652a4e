import { z } from "zod";
import { limitLookup } from "@/app/_server/limits";
import { route } from "@/app/_server/route";
import { verifyEmail } from "@/lib/account/email-verification";
import { db } from "@/lib/db/client";
import { json } from "@/lib/http/respond";

const body = z.object({ token: z.string().trim().min(20, "This link is incomplete").max(100, "This link is not valid") });

/** Confirms an address with the mailed token. A POST from the page, so that mail scanners opening the link verify nothing. */
export const POST = route({ access: "public", body, rateLimit: limitLookup }, async ({ body }) =>
  json({ verified: true, ...(await verifyEmail({ db: await db() }, body.token)) }),
);
