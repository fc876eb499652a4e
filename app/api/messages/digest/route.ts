import { z } from "zod";
import { route } from "@/app/_server/route";
import { db } from "@/lib/db/client";
import { json } from "@/lib/http/respond";
import { digestsOn, setDigests } from "@/lib/messages/send-digests";

/** Whether unread messages are emailed to the member while away. */
export const GET = route({ access: "member" }, async ({ member }) => json(await digestsOn(await db(), member.id)));

export const POST = route({ access: "member", body: z.object({ on: z.boolean() }) }, async ({ member, body }) =>
  json(await setDigests(await db(), member.id, body.on)),
);
