import { z } from "zod";
import { route } from "@/app/_server/route";
import { orderForParty } from "@/lib/mall/orders";
import { json } from "@/lib/http/respond";
import { mallDeps, shopperIdentity } from "../../_deps";

/** An order, for its shopper or the shop's staff (with the verification trail); anyone else gets 404. */
export const GET = route(
  { access: "public", withMember: true, params: z.object({ id: z.string().min(1).max(40) }) },
  async ({ member, params }) => {
    const { db } = await mallDeps();
    return json(await orderForParty(db, params.id, await shopperIdentity(member)));
  },
);
