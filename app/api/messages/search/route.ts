import { route } from "@/app/_server/route";
import { db } from "@/lib/db/client";
import { json } from "@/lib/http/respond";
import { searchQuery } from "@/lib/messages/schemas";
import { searchMessages } from "@/lib/messages/search-messages";

/** The member's messages with every word of `q`, newest first. */
export const GET = route({ access: "member", query: searchQuery }, async ({ member, query }) =>
  json({ results: await searchMessages({ db: await db(), memberId: member.id, query: query.q }) }),
);
