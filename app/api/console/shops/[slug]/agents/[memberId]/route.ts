import { z } from "zod";
import { route } from "@/app/_server/route";
import { json } from "@/lib/http/respond";
import { listStaff, removeAgent } from "@/lib/mall/manage";
import { mallDeps } from "../../../../../mall/_deps";
import { shopParams } from "../../_schemas";

export const DELETE = route(
  { access: "member", params: shopParams.extend({ memberId: z.string().min(1).max(40) }) },
  async ({ member, params }) => {
    const { db } = await mallDeps();
    await removeAgent(db, member.id, params.slug, params.memberId);
    return json({ staff: await listStaff(db, member.id, params.slug) });
  },
);
