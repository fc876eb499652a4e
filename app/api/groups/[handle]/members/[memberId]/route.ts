import { route } from "@/app/_server/route";
import { bus } from "@/lib/bus";
import { db } from "@/lib/db/client";
import { actOnMember } from "@/lib/groups/membership";
import { groupMemberParams, memberActionSchema } from "@/lib/groups/schemas";

/** An admin or the owner acts on someone in the group: approve, refuse, remove, make admin or member, hand over. */
export const POST = route({ access: "member", params: groupMemberParams, body: memberActionSchema }, async ({ member, params, body }) => {
  await actOnMember({ db: await db(), bus: bus() }, params.handle, member.id, params.memberId, body.action);
  return new Response(null, { status: 204 });
});
