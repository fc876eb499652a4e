import { z } from "zod";
import { route } from "@/app/_server/route";
import { db } from "@/lib/db/client";
import { messageFile } from "@/lib/mailbox/messages";
import { streamFile } from "../../../_stream";

const params = z.object({ id: z.string().min(1).max(40), file: z.enum(["media", "thumb"]) });
const query = z.object({ download: z.literal("1").optional() });

/** The recording (with Range, to seek) or its picture: to the mailbox's owner only. */
export const GET = route({ access: "member", params, query }, async ({ req, member, params, query }) => {
  const file = await messageFile(await db(), member.id, params.id, params.file);
  return streamFile(req, file, { download: query.download === "1" });
});
