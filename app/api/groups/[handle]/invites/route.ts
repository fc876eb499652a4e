import { route } from "@/app/_server/route";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { createInvite, listInvites } from "@/lib/groups/invites";
import { createInviteSchema, groupParams } from "@/lib/groups/schemas";
import { json } from "@/lib/http/respond";

/** The group's invitation links (admins only): when each ends, how often it was used, whether revoked. */
export const GET = route({ access: "member", params: groupParams }, async ({ member, params }) =>
  json({ invites: await listInvites(await db(), params.handle, member.id) }),
);

/** A new link (admins only); its address is shown this once. */
export const POST = route({ access: "member", params: groupParams, body: createInviteSchema }, async ({ member, params, body }) => {
  const { invite, token } = await createInvite(await db(), params.handle, member.id, body);
  const url = new URL(`/${encodeURIComponent(params.handle)}?invite=${token}`, env().PUBLIC_URL).toString();
  return json({ invite, url, token }, { status: 201 });
});
