import { z } from "zod";
import { route } from "@/app/_server/route";
import { DomainError } from "@/lib/errors";
import { env } from "@/lib/env";
import { mediaType, readFormLimited } from "@/lib/http/read-body";
import { json } from "@/lib/http/respond";
import { setProductImage } from "@/lib/mall/manage";
import { storage } from "@/lib/storage";
import { mallDeps } from "../../../../../../mall/_deps";
import { shopParams } from "../../../_schemas";

/** A product photo, as multipart form field "image" (checked by its bytes and size, not its name). */
export const POST = route(
  { access: "member", params: shopParams.extend({ id: z.string().min(1).max(40) }) },
  async ({ req, member, params }) => {
    const max = env().PHOTO_MAX_BYTES;
    // Multipart only: a urlencoded or text/plain form post is what another site can send without asking.
    if (mediaType(req.headers.get("content-type")) !== "multipart/form-data") {
      throw new DomainError("UNSUPPORTED_MEDIA_TYPE", 'Send the picture as a multipart form with the field "image".');
    }
    const form = await readFormLimited(req, max + 64 * 1024, "The picture").catch((err: unknown) => {
      if (err instanceof DomainError && err.code === "PAYLOAD_TOO_LARGE")
        throw new DomainError("PAYLOAD_TOO_LARGE", `The picture is larger than ${Math.round(max / 1024 / 1024)} MB.`);
      throw err;
    });
    const file = form.get("image");
    if (!(file instanceof File)) throw new DomainError("VALIDATION_FAILED", "image: choose a picture to upload", { field: "image" });
    const { db } = await mallDeps();
    const key = await setProductImage(db, storage(), member.id, params.slug, params.id, new Uint8Array(await file.arrayBuffer()), max);
    return json({ ok: true, key }, { status: 201 });
  },
);
