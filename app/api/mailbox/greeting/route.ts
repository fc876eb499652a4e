import { z } from "zod";
import { route } from "@/app/_server/route";
import { db } from "@/lib/db/client";
import { json } from "@/lib/http/respond";
import { ownGreetings, removeGreeting } from "@/lib/mailbox/greetings";
import { storage } from "@/lib/storage";

const query = z.object({ slot: z.enum(["standard", "temporary"]) });

export const GET = route({ access: "member" }, async ({ member }) => json({ greetings: await ownGreetings(await db(), member) }));

export const DELETE = route({ access: "member", query }, async ({ member, query }) => {
  await removeGreeting(await db(), storage(), member.id, query.slot);
  return json({ removed: query.slot });
});
