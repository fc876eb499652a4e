import { route } from "@/app/_server/route";
import { bus } from "@/lib/bus";
import { db } from "@/lib/db/client";
import { leaveGroup } from "@/lib/groups/membership";
import { groupParams } from "@/lib/groups/schemas";

/** Leaves the group and its conversation (or withdraws a request). */
export const POST = route({ access: "member", params: groupParams }, async ({ member, params }) => {
  await leaveGroup({ db: await db(), bus: bus() }, params.handle, member.id);
  return new Response(null, { status: 204 });
});
