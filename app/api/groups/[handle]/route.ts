import { limitLookup } from "@/app/_server/limits";
import { route } from "@/app/_server/route";
import { db } from "@/lib/db/client";
import { DomainError } from "@/lib/errors";
import { getGroup } from "@/lib/groups/get-group";
import { groupRoomPeople } from "@/lib/groups/room";
import { groupParams, groupSettingsSchema } from "@/lib/groups/schemas";
import { updateGroup } from "@/lib/groups/settings";
import { bus } from "@/lib/bus";
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

/** Admins change the group's name, description, listing, access or password. */
export const PATCH = route({ access: "member", params: groupParams, body: groupSettingsSchema }, async ({ member, params, body }) => {
  await updateGroup({ db: await db(), bus: bus() }, params.handle, member.id, body);
  return json({ group: await getGroup(await db(), params.handle, member.id, groupRoomPeople) });
});
