import { z } from "zod";
import { route } from "@/app/_server/route";
import { agentCall } from "@/lib/mall/console";
import { json } from "@/lib/http/respond";
import { mallDeps } from "../../../mall/_deps";

export const GET = route({ access: "member", params: z.object({ id: z.string().min(1).max(40) }) }, async ({ member, params }) => {
  const { db } = await mallDeps();
  return json(await agentCall(db, params.id, member.id));
});
