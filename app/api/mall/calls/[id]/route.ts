import { z } from "zod";
import { route } from "@/app/_server/route";
import { shopperCall } from "@/lib/mall/calls";
import { json } from "@/lib/http/respond";
import { mallDeps, shopperIdentity } from "../../_deps";

/** The shopper's view of their call; asking keeps their place in the queue. */
export const GET = route({ access: "public", withMember: true, params: z.object({ id: z.string().min(1).max(40) }) }, async ({ member, params }) => {
  return json(await shopperCall(await mallDeps(), params.id, await shopperIdentity(member)));
});
