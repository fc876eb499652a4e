import { z } from "zod";
import { route } from "@/app/_server/route";
import { json } from "@/lib/http/respond";
import { deleteCategory } from "@/lib/mall/manage";
import { mallDeps } from "../../../../../mall/_deps";
import { shopParams } from "../../_schemas";

export const DELETE = route(
  { access: "member", params: shopParams.extend({ id: z.string().min(1).max(40) }) },
  async ({ member, params }) => {
    const { db } = await mallDeps();
    await deleteCategory(db, member.id, params.slug, params.id);
    return json({ ok: true });
  },
);
