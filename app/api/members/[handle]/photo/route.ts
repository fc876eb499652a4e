import { z } from "zod";
import { route } from "@/app/_server/route";
import { db } from "@/lib/db/client";
import { DomainError } from "@/lib/errors";
import { getMemberPhoto } from "@/lib/members/get-member";
import { storage } from "@/lib/storage";
import { IMAGE_MIME_BY_EXT } from "@/lib/storage/sniff";

const params = z.object({ handle: z.string().min(1).max(40) });

/** A member's photo is part of their public page. */
export const GET = route({ access: "public", params }, async ({ params }) => {
  const key = await getMemberPhoto(await db(), params.handle);
  const bytes = key ? await storage().get(key) : null;
  if (!key || !bytes) throw new DomainError("NOT_FOUND", "This member has no photo");
  const ext = key.split(".").pop() ?? "";
  return new Response(new Uint8Array(bytes), {
    headers: {
      "content-type": IMAGE_MIME_BY_EXT[ext] ?? "application/octet-stream",
      "cache-control": "public, max-age=300",
      "x-content-type-options": "nosniff",
    },
  });
});
