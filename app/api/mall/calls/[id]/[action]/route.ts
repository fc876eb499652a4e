import { z } from "zod";
import { route } from "@/app/_server/route";
import { endCall, setShopperCamera, shopperCall } from "@/lib/mall/calls";
import { DomainError } from "@/lib/errors";
import { json } from "@/lib/http/respond";
import { mallDeps, shopperIdentity } from "../../../_deps";

const params = z.object({ id: z.string().min(1).max(40), action: z.enum(["leave", "camera"], { error: "Unknown action" }) });
const body = z.object({ reason: z.enum(["left", "message"]).optional(), on: z.boolean().optional() }).default({});

/** The shopper's side: leave (the queue or the call), or report the camera on or off. */
export const POST = route({ access: "public", withMember: true, params, body }, async ({ member, params, body }) => {
  const deps = await mallDeps();
  const who = await shopperIdentity(member);
  const view = await shopperCall(deps, params.id, who);
  if (params.action === "camera") {
    if (typeof body.on !== "boolean") throw new DomainError("VALIDATION_FAILED", "on: say whether the camera is on");
    await setShopperCamera(deps, params.id, who, body.on);
    return json({ ok: true });
  }
  await endCall(deps, view.id, { shopper: true }, body.reason ?? "left");
  return json(await shopperCall(deps, params.id, who));
});
