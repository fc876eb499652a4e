import { route } from "@/app/_server/route";
import { limitNewConversations } from "@/app/_server/limits";
import { bus } from "@/lib/bus";
import { db } from "@/lib/db/client";
import { json } from "@/lib/http/respond";
import { announceConversation } from "@/lib/messages/announce";
import { createGroupConversation } from "@/lib/messages/group-conversation";
import { createGroupSchema } from "@/lib/messages/schemas";

/** A group conversation with people from the member's contacts (counts against new conversations per hour). */
export const POST = route({ access: "member", body: createGroupSchema }, async ({ member, body }) => {
  await limitNewConversations(member.id);
  const deps = { db: await db(), bus: bus() };
  const made = await createGroupConversation({ db: deps.db, creatorId: member.id, title: body.title, memberIds: body.memberIds });
  await announceConversation(deps, made.conversationId);
  return json(made, { status: 201 });
});
