import { route } from "@/app/_server/route";
import { incomingFor } from "@/lib/calls/service";
import { json } from "@/lib/http/respond";
import { callDeps } from "../_deps";

/** The call ringing for the signed-in member now, if any. */
export const GET = route({ access: "member" }, async ({ member }) => {
  const { db } = await callDeps();
  return json({ ring: await incomingFor(db, member.id) });
});
