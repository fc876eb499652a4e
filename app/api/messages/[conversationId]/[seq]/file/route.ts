import { z } from "zod";
import { route } from "@/app/_server/route";
import { db } from "@/lib/db/client";
import { DomainError } from "@/lib/errors";
import { messageParams } from "@/lib/messages/schemas";
import { messageFile } from "@/lib/messages/send-file";
import { storage } from "@/lib/storage";

const INLINE = new Set(["image/jpeg", "image/png", "image/webp", "image/gif"]);

/** A message's file (or, with ?thumb=1, its picture's thumbnail), for the members of its conversation only. */
export const GET = route(
  { access: "member", params: messageParams, query: z.object({ thumb: z.enum(["1"]).optional() }) },
  async ({ member, params, query }) => {
    const file = await messageFile({
      db: await db(),
      memberId: member.id,
      conversationId: params.conversationId,
      seq: params.seq,
      thumb: query.thumb === "1",
    });
    const bytes = await storage().get(file.key);
    if (!bytes) throw new DomainError("NOT_FOUND", "No such file");
    const inline = INLINE.has(file.type);
    return new Response(new Uint8Array(bytes), {
      headers: {
        "content-type": file.type,
        "content-length": String(bytes.length),
        // Only pictures are shown in the page; anything else is a download, never a document of ours (and
        // every API answer carries a CSP that runs nothing: lib/http/security-headers.ts).
        "content-disposition": `${inline ? "inline" : "attachment"}; filename*=UTF-8''${encodeURIComponent(file.name)}`,
        "x-content-type-options": "nosniff",
        // Short: a picture deleted for everyone should not live on in browsers' caches for long.
        "cache-control": "private, max-age=300",
      },
    });
  },
);
