import { z } from "zod";
import { limitMallCalls } from "@/app/_server/limits";
import { route } from "@/app/_server/route";
import { env } from "@/lib/env";
import { clientAddress } from "@/lib/http/rate-limit";
import { requestAgent, shopperCall } from "@/lib/mall/calls";
import { json } from "@/lib/http/respond";
import { mallDeps, shopperIdentity } from "../_deps";

const body = z.object({
  merchant: z.string().trim().min(1, "Choose a shop").max(64),
  fromPath: z
    .string()
    .trim()
    .max(200)
    .regex(/^\/mall(\/|$)/, "Calls start from a mall page")
    .default("/mall"),
});

/** "Talk to a sales agent": rings an agent, queues, or answers "closed" when nobody is online. Guests may call. */
export const POST = route({ access: "public", withMember: true, body, rateLimit: limitMallCalls }, async ({ req, member, body }) => {
  const deps = await mallDeps();
  const shopper = await shopperIdentity(member, true);
  const id = await requestAgent(deps, {
    merchantSlug: body.merchant,
    shopper,
    fromPath: body.fromPath,
    guestAddress: clientAddress(req),
    maxOpenPerAddress: env().MALL_GUEST_CALLS_PER_ADDRESS,
  });
  return json(await shopperCall(deps, id, shopper), { status: 201 });
});
