import { route } from "@/app/_server/route";
import { db } from "@/lib/db/client";
import { json } from "@/lib/http/respond";
import { unreadTotal } from "@/lib/messages/unread-total";

/** The header's badge: unread messages and requests waiting. */
export const GET = route({ access: "member" }, async ({ member }) => json(await unreadTotal(await db(), member.id)));
