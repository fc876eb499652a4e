import { route } from "@/app/_server/route";
import { bus } from "@/lib/bus";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { DomainError } from "@/lib/errors";
import { groupPhotoKey, setGroupPhoto } from "@/lib/groups/settings";
import { groupParams } from "@/lib/groups/schemas";
import { readBodyLimited } from "@/lib/http/read-body";
import { storage } from "@/lib/storage";
import { IMAGE_MIME_BY_EXT } from "@/lib/storage/sniff";

/** A group's picture is part of its public page. */
export const GET = route({ access: "public", params: groupParams }, async ({ params }) => {
  const key = await groupPhotoKey(await db(), params.handle);
  const bytes = key ? await storage().get(key) : null;
  if (!key || !bytes) throw new DomainError("NOT_FOUND", "This group has no picture");
  return new Response(new Uint8Array(bytes), {
    headers: {
      "content-type": IMAGE_MIME_BY_EXT[key.split(".").pop() ?? ""] ?? "application/octet-stream",
      "cache-control": "public, max-age=300",
      "x-content-type-options": "nosniff",
    },
  });
});

/** A new picture (the image's bytes as the body), for the group's admins; limited while reading. */
export const POST = route({ access: "member", params: groupParams }, async ({ req, member, params }) => {
  const max = env().PHOTO_MAX_BYTES;
  const bytes = await readBodyLimited(req, max, `The picture (at most ${Math.round(max / 1024 / 1024)} MB)`);
  await setGroupPhoto({ db: await db(), bus: bus(), storage: storage() }, params.handle, member.id, bytes);
  return new Response(null, { status: 204 });
});
