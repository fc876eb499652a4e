import { z } from "zod";
import { route } from "@/app/_server/route";
import { callForParty, viewFor } from "@/lib/calls/service";
import { json } from "@/lib/http/respond";
import { callDeps } from "../_deps";

export const GET = route({ access: "member", params: z.object({ id: z.string().min(1).max(40) }) }, async ({ member, params }) => {
  const { db } = await callDeps();
  return json(await viewFor(db, await callForParty(db, params.id, member.id), member.id));
});
