import { z } from "zod";
import { route } from "@/app/_server/route";
import { acceptCall, declineCall, hangUpCall, viewFor } from "@/lib/calls/service";
import { json } from "@/lib/http/respond";
import { callDeps } from "../../_deps";

const params = z.object({
  id: z.string().min(1).max(40),
  action: z.enum(["accept", "decline", "hangup"], { error: "Unknown call action" }),
});
const body = z.object({ deviceId: z.string().min(1).max(64).default("web") }).default({ deviceId: "web" });

/** accept (on this device), decline, or hang up. */
export const POST = route({ access: "member", params, body }, async ({ member, params, body }) => {
  const deps = await callDeps();
  const call =
    params.action === "accept"
      ? await acceptCall(deps, params.id, member.id, body.deviceId)
      : params.action === "decline"
        ? await declineCall(deps, params.id, member.id)
        : await hangUpCall(deps, params.id, member.id);
  return json(await viewFor(deps.db, call, member.id));
});
