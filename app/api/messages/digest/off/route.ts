import { z } from "zod";
import { route } from "@/app/_server/route";
import { limitLookup } from "@/app/_server/limits";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { DomainError } from "@/lib/errors";
import { json } from "@/lib/http/respond";
import { checkDigestOffToken } from "@/lib/messages/digest-link";
import { setDigests } from "@/lib/messages/send-digests";

/** The digest's own link: turns digests off without signing in, for the member the link was made for. */
export const POST = route(
  { access: "public", rateLimit: limitLookup, body: z.object({ m: z.string().min(1).max(64), t: z.string().min(1).max(128) }) },
  async ({ body }) => {
    if (!checkDigestOffToken(env().AUTH_SECRET, body.m, body.t))
      throw new DomainError("FORBIDDEN", "This link is not valid: turn digests off on the messages page instead.");
    const client = await db();
    if (!(await client.member.count({ where: { id: body.m } }))) throw new DomainError("NOT_FOUND", "No such member");
    return json(await setDigests(client, body.m, false));
  },
);
