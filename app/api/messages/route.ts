import { limitNewConversations } from "@/app/_server/limits";
import { route } from "@/app/_server/route";
import { db } from "@/lib/db/client";
import { json } from "@/lib/http/respond";
import { listConversations } from "@/lib/messages/list-conversations";
import { openDirect } from "@/lib/messages/open-direct";
import { openConversationSchema } from "@/lib/messages/schemas";

/** The member's conversations, latest first, with unread counts. */
export const GET = route({ access: "member" }, async ({ member }) =>
  json({ conversations: await listConversations({ db: await db(), memberId: member.id }) }),
);

/** The conversation with another member (made on first use, which counts against the hourly limit). */
export const POST = route({ access: "member", body: openConversationSchema }, async ({ member, body }) =>
  json(await openDirect({ db: await db(), memberId: member.id, otherId: body.to, beforeCreate: () => limitNewConversations(member.id) })),
);
