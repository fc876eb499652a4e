import { z } from "zod";
import { route } from "@/app/_server/route";
import { db } from "@/lib/db/client";
import { json } from "@/lib/http/respond";
import { listMessages, unreadCount } from "@/lib/mailbox/messages";

const query = z.object({ folder: z.enum(["inbox", "trash"]).default("inbox") });

export const GET = route({ access: "member", query }, async ({ member, query }) => {
  const client = await db();
  const [messages, unread] = await Promise.all([listMessages(client, member.id, query.folder), unreadCount(client, member.id)]);
  return json({ messages, unread });
});
