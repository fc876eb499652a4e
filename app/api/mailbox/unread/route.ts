import { route } from "@/app/_server/route";
import { db } from "@/lib/db/client";
import { json } from "@/lib/http/respond";
import { unreadCount } from "@/lib/mailbox/messages";

export const GET = route({ access: "member" }, async ({ member }) => json({ unread: await unreadCount(await db(), member.id) }));
