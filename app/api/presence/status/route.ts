import { z } from "zod";
import { route } from "@/app/_server/route";
import { bus } from "@/lib/bus";
import { db } from "@/lib/db/client";
import { json } from "@/lib/http/respond";
import { ownPresence, setPresenceSetting } from "@/lib/presence/set-setting";
import { SETTINGS } from "@/lib/presence/status";

const body = z.object({ setting: z.enum(SETTINGS, { error: "Choose online, away, dnd or invisible" }) });

export const GET = route({ access: "member" }, async ({ member }) => json(await ownPresence(await db(), member.id)));

export const PUT = route({ access: "member", body }, async ({ member, body }) => {
  return json(await setPresenceSetting(await db(), bus(), member.id, body.setting));
});
