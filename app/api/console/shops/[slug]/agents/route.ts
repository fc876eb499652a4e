import { z } from "zod";
import { route } from "@/app/_server/route";
import { json } from "@/lib/http/respond";
import { addAgent, listStaff } from "@/lib/mall/manage";
import { mallDeps } from "../../../../mall/_deps";
import { shopParams } from "../_schemas";

/** Adds an agent by their communication number or email. */
export const POST = route(
  { access: "member", params: shopParams, body: z.object({ member: z.string().trim().min(3, "Enter a number or an email").max(200) }) },
  async ({ member, params, body }) => {
    const { db } = await mallDeps();
    await addAgent(db, member.id, params.slug, body.member);
    return json({ staff: await listStaff(db, member.id, params.slug) }, { status: 201 });
  },
);
