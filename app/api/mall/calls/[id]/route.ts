import { z } from "zod";
import { route } from "@/app/_server/route";
import { shopperCall } from "@/lib/mall/calls";
import { json } from "@/lib/http/respond";
import { mallDeps, shopperIdentity } from "../../_deps";

const params = z.object({ id: z.string().min(1).max(40) });

/** The shopper's view of their call. Reading changes nothing. */
export const GET = route({ access: "public", withMember: true, params }, async ({ member, params }) => {
  return json(await shopperCall(await mallDeps(), params.id, await shopperIdentity(member)));
});

/** The shopper's page is still open: keeps their place in the queue, and answers their view. */
export const POST = route({ access: "public", withMember: true, params }, async ({ member, params }) => {
  return json(await shopperCall(await mallDeps(), params.id, await shopperIdentity(member), { keepPlace: true }));
});
