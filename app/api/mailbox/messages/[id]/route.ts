import { z } from "zod";
import { route } from "@/app/_server/route";
import { db } from "@/lib/db/client";
import { json } from "@/lib/http/respond";
import { updateMessage } from "@/lib/mailbox/messages";

const params = z.object({ id: z.string().min(1).max(40) });
const body = z
  .object({ read: z.boolean().optional(), trashed: z.boolean().optional() })
  .refine((b) => b.read !== undefined || b.trashed !== undefined, "Say what to change: read or trashed");

/** Mark read or unread, move to the trash or restore from it. */
export const PATCH = route({ access: "member", params, body }, async ({ member, params, body }) =>
  json({ unread: await updateMessage(await db(), member.id, params.id, body) }),
);
