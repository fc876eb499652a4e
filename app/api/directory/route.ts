import { limitLookup } from "@/app/_server/limits";
import { route } from "@/app/_server/route";
import { db } from "@/lib/db/client";
import { directoryQuerySchema, searchMembers } from "@/lib/directory/search-members";
import { json } from "@/lib/http/respond";

/** The directory as JSON: the same search as /directory, for scripts and benchmarks. */
export const GET = route(
  { access: "public", withMember: true, query: directoryQuerySchema, rateLimit: limitLookup },
  async ({ query, member }) => {
    // no-transform: Next.js would gzip the page (about 3 KB, one round trip either way) at a
    // millisecond of the server's time per answer, more at p95 (bench/directory.ts).
    return json(await searchMembers(await db(), query, { watcherId: member?.id ?? null }), {
      headers: { "cache-control": "no-store, no-transform" },
    });
  },
);
