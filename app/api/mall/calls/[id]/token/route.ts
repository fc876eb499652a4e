import { z } from "zod";
import { route } from "@/app/_server/route";
import { mallMediaGrant } from "@/lib/mall/console";
import { json } from "@/lib/http/respond";
import { mallDeps, shopperIdentity } from "../../../_deps";

/** A LiveKit token for a connected mall call's room, for its shopper or its agent only, valid minutes. */
export const POST = route(
  { access: "public", withMember: true, params: z.object({ id: z.string().min(1).max(40) }) },
  async ({ member, params }) => {
    const { db } = await mallDeps();
    return json(await mallMediaGrant(db, params.id, await shopperIdentity(member)));
  },
);
