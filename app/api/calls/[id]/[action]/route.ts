import { z } from "zod";
import { route } from "@/app/_server/route";
import { actOnCall } from "@/lib/calls/act-on-call";
import { callActionBodySchema } from "@/lib/calls/media-schemas";
import { viewFor } from "@/lib/calls/service";
import { json } from "@/lib/http/respond";
import { callDeps } from "../../_deps";

const params = z.object({
  id: z.string().min(1).max(40),
  action: z.enum(["accept", "decline", "hangup"], { error: "Unknown call action" }),
});

/** accept (on this device), decline, or hang up. */
export const POST = route({ access: "member", params, body: callActionBodySchema }, async ({ member, params, body }) => {
  const deps = await callDeps();
  const { call, inRoom } = await actOnCall(deps, { callId: params.id, memberId: member.id, action: params.action, ...body });
  return json({ ...(await viewFor(deps.db, call, member.id)), ...(inRoom !== undefined && { inRoom }) });
});
