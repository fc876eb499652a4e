import { route } from "@/app/_server/route";
import { bus } from "@/lib/bus";
import { db } from "@/lib/db/client";
import { json } from "@/lib/http/respond";
import { announceConversation } from "@/lib/messages/announce";
import { addGroupMembers, leaveConversation } from "@/lib/messages/group-conversation";
import { addMembersSchema, conversationParams } from "@/lib/messages/schemas";

/** Adds people from the member's contacts to a group they are in. */
export const POST = route({ access: "member", params: conversationParams, body: addMembersSchema }, async ({ member, params, body }) => {
  const deps = { db: await db(), bus: bus() };
  const result = await addGroupMembers({
    db: deps.db,
    memberId: member.id,
    conversationId: params.conversationId,
    memberIds: body.memberIds,
  });
  if (result.added.length) await announceConversation(deps, params.conversationId);
  return json(result);
});

/** Leaves the group: its messages stop reaching the member's devices. */
export const DELETE = route({ access: "member", params: conversationParams }, async ({ member, params }) => {
  const deps = { db: await db(), bus: bus() };
  await leaveConversation({ db: deps.db, memberId: member.id, conversationId: params.conversationId });
  await announceConversation(deps, params.conversationId, [member.id]);
  return json({ ok: true });
});
