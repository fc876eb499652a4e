import { z } from "zod";
import { route } from "@/app/_server/route";
import { mediaGrant } from "@/lib/calls/media";
import { json } from "@/lib/http/respond";
import { callDeps } from "../../_deps";

/** A LiveKit token for this call's room, for one of its two parties only (the callee: on the device that answered), valid minutes. */
export const POST = route(
  {
    access: "member",
    params: z.object({ id: z.string().min(1).max(40) }),
    query: z.object({ device: z.string().min(1).max(64).optional() }),
  },
  async ({ member, params, query }) => {
    const { db } = await callDeps();
    return json(await mediaGrant(db, params.id, member, query.device));
  },
);
