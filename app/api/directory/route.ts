import { limitLookup } from "@/app/_server/limits";
import { route } from "@/app/_server/route";
import { db } from "@/lib/db/client";
import { directoryQuerySchema, searchMembers } from "@/lib/directory/search-members";
import { json } from "@/lib/http/respond";

/** The directory as JSON: the same search as /directory, for scripts and benchmarks. */
export const GET = route(
  { access: "public", withMember: true, query: directoryQuerySchema, rateLimit: limitLookup },
  async ({ query, member }) => {
    return json(await searchMembers(await db(), query, { watcherId: member?.id ?? null }));
  },
);
