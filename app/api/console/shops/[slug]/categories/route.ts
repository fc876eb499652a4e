import { z } from "zod";
import { route } from "@/app/_server/route";
import { json } from "@/lib/http/respond";
import { addCategory } from "@/lib/mall/manage";
import { mallDeps } from "../../../../mall/_deps";
import { shopParams } from "../_schemas";

export const POST = route(
  { access: "member", params: shopParams, body: z.object({ name: z.string().trim().min(2, "Name the category").max(40) }) },
  async ({ member, params, body }) => {
    const { db } = await mallDeps();
    return json(await addCategory(db, member.id, params.slug, body.name), { status: 201 });
  },
);
