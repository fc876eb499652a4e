import { z } from "zod";
import { limitResolve } from "@/app/_server/limits";
import { route } from "@/app/_server/route";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { DomainError } from "@/lib/errors";
import { resolveAddress } from "@/lib/members/get-member";
import { parseDialled } from "@/lib/numbers/spelling";

const params = z.object({ address: z.string().min(1).max(260) });

/**
 * /<number> (any spacing, digits or spelled) and /<email> are rewritten here by proxy.ts and
 * answer with a permanent redirect to /<handle>.
 */
export const GET = route({ access: "public", params, rateLimit: limitResolve }, async ({ params }) => {
  // Next.js has decoded the segment already; decoding again broke on "%" ("/api/resolve/%25" was a 500).
  const raw = params.address;
  const dialled = parseDialled(raw);
  const digits = dialled && "digits" in dialled ? dialled.digits : null;
  const handle = await resolveAddress(await db(), digits ? { digits } : raw.includes("@") ? { email: raw } : {});
  if (!handle) {
    throw new DomainError("NOT_FOUND", digits ? "No member has this number" : "No member can be reached at this address");
  }
  return new Response(null, { status: 301, headers: { location: new URL(`/${handle}`, env().PUBLIC_URL).toString() } });
});
