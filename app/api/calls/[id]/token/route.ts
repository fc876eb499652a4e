import { z } from "zod";
import { route } from "@/app/_server/route";
import { mediaGrant } from "@/lib/calls/media";
import { json } from "@/lib/http/respond";
import { callDeps } from "../../_deps";

/** A LiveKit token for this call's room, for one of its two parties only, valid minutes. */
export const POST = route({ access: "member", params: z.object({ id: z.string().min(1).max(40) }) }, async ({ member, params }) => {
  const { db } = await callDeps();
  return json(await mediaGrant(db, params.id, member));
});
