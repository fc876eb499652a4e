import { route } from "@/app/_server/route";
import { db } from "@/lib/db/client";
import { json } from "@/lib/http/respond";
import { messagesAfter } from "@/lib/messages/messages-after";
import { syncSchema } from "@/lib/messages/schemas";

/** What a device missed: every message after its cursor in each of the member's conversations, in pages. */
export const POST = route({ access: "member", body: syncSchema }, async ({ member, body }) =>
  json(await messagesAfter({ db: await db(), memberId: member.id, cursors: body.cursors, only: body.only })),
);
