import { route } from "@/app/_server/route";
import { bus } from "@/lib/bus";
import { deleteGroup, updateGroup } from "@/lib/contacts/groups";
import { groupIdParams, groupUpdateSchema } from "@/lib/contacts/schemas";
import { db } from "@/lib/db/client";
import { json } from "@/lib/http/respond";

export const PATCH = route({ access: "member", params: groupIdParams, body: groupUpdateSchema }, async ({ member, params, body }) =>
  json({ group: await updateGroup({ db: await db(), bus: bus() }, { ownerId: member.id, groupId: params.groupId, ...body }) }),
);

/** The group goes; its contacts stay in the book. */
export const DELETE = route({ access: "member", params: groupIdParams }, async ({ member, params }) => {
  await deleteGroup({ db: await db(), bus: bus() }, { ownerId: member.id, groupId: params.groupId });
  return json({ deleted: true });
});
