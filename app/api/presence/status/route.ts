import { z } from "zod";
import { route } from "@/app/_server/route";
import { bus } from "@/lib/bus";
import { db } from "@/lib/db/client";
import { json } from "@/lib/http/respond";
import { getStatus } from "@/lib/presence/read-model";
import { setPresenceSetting } from "@/lib/presence/set-setting";
import { SETTINGS } from "@/lib/presence/status";

const body = z.object({ setting: z.enum(SETTINGS, { error: "Choose online, away, dnd or invisible" }) });

export const GET = route({ access: "member" }, async ({ member }) => {
  const d = await db();
  const m = await d.member.findUnique({ where: { id: member.id }, select: { presenceSetting: true } });
  return json({ setting: m?.presenceSetting ?? "online", status: await getStatus(d, member.id) });
});

export const PUT = route({ access: "member", body }, async ({ member, body }) => {
  return json(await setPresenceSetting(await db(), bus(), member.id, body.setting));
});
