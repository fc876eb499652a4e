import { z } from "zod";
import { route } from "@/app/_server/route";
import { setAgentStatus } from "@/lib/mall/calls";
import { consoleState } from "@/lib/mall/console";
import { json } from "@/lib/http/respond";
import { mallDeps } from "../mall/_deps";

export const GET = route({ access: "member" }, async ({ member }) => {
  const { db } = await mallDeps();
  return json(await consoleState(db, member.id));
});

/** Available or away; busy follows from calls. */
export const PUT = route(
  { access: "member", body: z.object({ status: z.enum(["available", "away"], { error: "Choose available or away" }) }) },
  async ({ member, body }) => {
    const deps = await mallDeps();
    await setAgentStatus(deps, member.id, body.status);
    return json(await consoleState(deps.db, member.id));
  },
);
