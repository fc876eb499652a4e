import { route } from "@/app/_server/route";
import { bus } from "@/lib/bus";
import { createGroup, listGroups } from "@/lib/contacts/groups";
import { groupCreateSchema } from "@/lib/contacts/schemas";
import { db } from "@/lib/db/client";
import { json } from "@/lib/http/respond";

export const GET = route({ access: "member" }, async ({ member }) => json({ groups: await listGroups(await db(), member.id) }));

export const POST = route({ access: "member", body: groupCreateSchema }, async ({ member, body }) =>
  json(
    { group: await createGroup({ db: await db(), bus: bus() }, { ownerId: member.id, name: body.name, detail: body.detail }) },
    { status: 201 },
  ),
);
