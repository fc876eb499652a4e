import { z } from "zod";
import { route } from "@/app/_server/route";
import { setAcceptsGuestMessages } from "@/lib/account/settings";
import { db } from "@/lib/db/client";
import { json } from "@/lib/http/respond";

const body = z.object({ accepts: z.boolean({ error: "Say true or false" }) });

/** Whether guests (signed out) may leave the member messages. */
export const PUT = route({ access: "member", body }, async ({ member, body }) =>
  json(await setAcceptsGuestMessages(await db(), member.id, body.accepts)),
);
