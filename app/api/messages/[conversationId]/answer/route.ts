import { limitMessages } from "@/app/_server/limits";
import { route } from "@/app/_server/route";
import { bus } from "@/lib/bus";
import { db } from "@/lib/db/client";
import { json } from "@/lib/http/respond";
import { answerRequest } from "@/lib/messages/answer-request";
import { answerRequestSchema, conversationParams } from "@/lib/messages/schemas";

/** Accept, decline or block a conversation someone not in the member's book started. */
export const POST = route({ access: "member", params: conversationParams, body: answerRequestSchema }, async ({ member, params, body }) => {
  // Counted with the member's messages: a block tells every presence node, so it is not free to repeat.
  await limitMessages(member.id);
  return json(
    await answerRequest({ db: await db(), bus: bus(), memberId: member.id, conversationId: params.conversationId, answer: body.answer }),
  );
});
