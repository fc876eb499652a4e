import { route } from "@/app/_server/route";
import { cancelCallback } from "@/lib/calls/callbacks";
import { callbackParams } from "@/lib/calls/callback-schemas";
import { json } from "@/lib/http/respond";
import { callDeps } from "../../calls/_deps";

/** Either side withdraws a request. */
export const DELETE = route({ access: "member", params: callbackParams }, async ({ member, params }) => {
  await cancelCallback(await callDeps(), { memberId: member.id, id: params.id });
  return json({ ok: true });
});
