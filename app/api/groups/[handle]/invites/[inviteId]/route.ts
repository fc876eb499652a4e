import { route } from "@/app/_server/route";
import { db } from "@/lib/db/client";
import { revokeInvite } from "@/lib/groups/invites";
import { inviteParams } from "@/lib/groups/schemas";

/** Revokes a link (admins only): nobody joins with it any more. */
export const DELETE = route({ access: "member", params: inviteParams }, async ({ member, params }) => {
  await revokeInvite(await db(), params.handle, member.id, params.inviteId);
  return new Response(null, { status: 204 });
});
