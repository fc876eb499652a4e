import { limitLookup } from "@/app/_server/limits";
import { route } from "@/app/_server/route";
import { db } from "@/lib/db/client";
import { DomainError } from "@/lib/errors";
import { getGroup } from "@/lib/groups/get-group";
import { groupRoomPeople } from "@/lib/groups/room";
import { groupParams } from "@/lib/groups/schemas";
import { json } from "@/lib/http/respond";

/** The group as the viewer may see it (its people only for its members): what its page refreshes from. */
export const GET = route(
  { access: "public", withMember: true, params: groupParams, rateLimit: limitLookup },
  async ({ member, params }) => {
    const group = await getGroup(await db(), params.handle, member?.id ?? null, groupRoomPeople);
    if (!group) throw new DomainError("NOT_FOUND", "No such group");
    return json({ group });
  },
);
