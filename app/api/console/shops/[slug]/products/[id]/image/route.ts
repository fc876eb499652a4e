import { z } from "zod";
import { route } from "@/app/_server/route";
import { DomainError } from "@/lib/errors";
import { env } from "@/lib/env";
import { json } from "@/lib/http/respond";
import { setProductImage } from "@/lib/mall/manage";
import { storage } from "@/lib/storage";
import { mallDeps } from "../../../../../../mall/_deps";
import { shopParams } from "../../../_schemas";

/** A product photo, as multipart form field "image" (checked by its bytes and size, not its name). */
export const POST = route({ access: "member", params: shopParams.extend({ id: z.string().min(1).max(40) }) }, async ({ req, member, params }) => {
  const max = env().PHOTO_MAX_BYTES;
  if (Number(req.headers.get("content-length") ?? 0) > max + 64 * 1024) throw new DomainError("PAYLOAD_TOO_LARGE", `The picture is larger than ${Math.round(max / 1024 / 1024)} MB.`);
  let file: FormDataEntryValue | null = null;
  try {
    file = (await req.formData()).get("image");
  } catch {
    throw new DomainError("BAD_REQUEST", "Send the picture as a multipart form with the field \"image\".");
  }
  if (!(file instanceof File)) throw new DomainError("VALIDATION_FAILED", "image: choose a picture to upload", { field: "image" });
  const { db } = await mallDeps();
  const key = await setProductImage(db, storage(), member.id, params.slug, params.id, new Uint8Array(await file.arrayBuffer()), max);
  return json({ ok: true, key }, { status: 201 });
});
