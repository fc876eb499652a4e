import { route } from "@/app/_server/route";
import { limitTyping } from "@/app/_server/limits";
import { bus } from "@/lib/bus";
import { db } from "@/lib/db/client";
import { json } from "@/lib/http/respond";
import { announceTyping } from "@/lib/messages/announce-typing";
import { conversationParams } from "@/lib/messages/schemas";

/** "I am typing" to the others in the conversation (the page sends it at most every 3 s while typing). */
export const POST = route({ access: "member", params: conversationParams }, async ({ member, params }) => {
  await limitTyping(member.id);
  await announceTyping({ db: await db(), bus: bus() }, member.id, params.conversationId);
  return json({ ok: true });
});
