import { z } from "zod";
import { route } from "@/app/_server/route";
import { acceptRing, endCall, endRing, showProduct } from "@/lib/mall/calls";
import { agentCall } from "@/lib/mall/console";
import { getMallCallForAgent } from "@/lib/mall/ownership";
import { DomainError } from "@/lib/errors";
import { json } from "@/lib/http/respond";
import { mallDeps } from "../../../../mall/_deps";

const params = z.object({
  id: z.string().min(1).max(40),
  action: z.enum(["accept", "decline", "hangup", "show"], { error: "Unknown call action" }),
});
const body = z.object({ productId: z.string().min(1).max(40).optional() }).default({});

/** The agent's side of a call: accept or decline the ring, hang up, or show the shopper a product. */
export const POST = route({ access: "member", params, body }, async ({ member, params, body }) => {
  const deps = await mallDeps();
  await getMallCallForAgent(deps.db, { callId: params.id, agentId: member.id });
  if (params.action === "accept") await acceptRing(deps, params.id, member.id);
  else if (params.action === "decline") await endRing(deps, params.id, member.id, "declined");
  else if (params.action === "hangup") await endCall(deps, params.id, { agentId: member.id });
  else {
    if (!body.productId) throw new DomainError("VALIDATION_FAILED", "productId: choose a product to show");
    await showProduct(deps, params.id, member.id, body.productId);
  }
  return json(params.action === "decline" ? { ok: true } : await agentCall(deps.db, params.id, member.id));
});
