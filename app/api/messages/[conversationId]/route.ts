import { route } from "@/app/_server/route";
import { bus } from "@/lib/bus";
import { db } from "@/lib/db/client";
import { json } from "@/lib/http/respond";
import { history } from "@/lib/messages/history";
import { conversationParams, historyQuery, sendMessageSchema } from "@/lib/messages/schemas";
import { sendText } from "@/lib/messages/send-text";

/** Scrolling back through the conversation, a page before `before`. */
export const GET = route({ access: "member", params: conversationParams, query: historyQuery }, async ({ member, params, query }) =>
  json(
    await history({
      db: await db(),
      memberId: member.id,
      conversationId: params.conversationId,
      beforeSeq: query.before,
      limit: query.limit,
    }),
  ),
);

/** Sends a message: 201 when stored now, 200 with the stored one when the same id was sent before. */
export const POST = route({ access: "member", params: conversationParams, body: sendMessageSchema }, async ({ member, params, body }) => {
  const { message, created } = await sendText({ db: await db(), bus: bus() }, member.id, params.conversationId, body);
  return json({ message }, { status: created ? 201 : 200 });
});
