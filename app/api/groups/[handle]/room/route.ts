import { limitRoomJoins } from "@/app/_server/limits";
import { route } from "@/app/_server/route";
import { db } from "@/lib/db/client";
import { groupRoomGrant } from "@/lib/groups/room";
import { groupParams } from "@/lib/groups/schemas";
import { json } from "@/lib/http/respond";

/** A LiveKit token for the group's room: its members only, that room only, valid minutes. */
// Counted: a member joining in a loop would make every member's page ask who is in the room.
export const POST = route({ access: "member", params: groupParams }, async ({ member, params }) => {
  await limitRoomJoins(member.id);
  return json(await groupRoomGrant(await db(), params.handle, member));
});
