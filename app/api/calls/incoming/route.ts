import { z } from "zod";
import { route } from "@/app/_server/route";
import { incomingFor } from "@/lib/calls/service";
import { json } from "@/lib/http/respond";
import { callDeps } from "../_deps";

const query = z.object({ device: z.string().max(64).default("") });

/** The call ringing for the signed-in member's device now, if any. */
export const GET = route({ access: "member", query }, async ({ member, query: q }) => {
  const { db } = await callDeps();
  return json({ ring: await incomingFor(db, member.id, q.device) });
});
