import { route } from "@/app/_server/route";
import { bus } from "@/lib/bus";
import { db } from "@/lib/db/client";
import { joinGroup } from "@/lib/groups/membership";
import { groupParams, joinGroupSchema } from "@/lib/groups/schemas";
import { counterStore } from "@/lib/http/counter-store";
import { clientAddress } from "@/lib/http/rate-limit";
import { json } from "@/lib/http/respond";

/** Joins (or asks to join) the group, with its password when it has one, or with an invitation link's secret. */
export const POST = route({ access: "member", params: groupParams, body: joinGroupSchema }, async ({ req, member, params, body }) =>
  json(
    await joinGroup({ db: await db(), bus: bus(), store: counterStore() }, params.handle, member.id, {
      password: body.password,
      invite: body.invite,
      address: clientAddress(req),
    }),
  ),
);
