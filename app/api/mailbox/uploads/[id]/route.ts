import { z } from "zod";
import { route } from "@/app/_server/route";
import { DomainError } from "@/lib/errors";
import { mediaType, readBodyLimited } from "@/lib/http/read-body";
import { json } from "@/lib/http/respond";
import { appendChunk, uploadStatus } from "@/lib/mailbox/uploads";
import { mailboxDeps } from "../../_deps";

const params = z.object({ id: z.string().min(1).max(40) });

function token(req: Request): string {
  const t = req.headers.get("upload-token");
  if (!t) throw new DomainError("UNAUTHENTICATED", "This upload's token is missing (header Upload-Token).");
  return t;
}

/** Where an upload stands, to resume it (like tus's HEAD). The token is the credential: guests have no session. */
export const GET = route({ access: "public", params }, async ({ req, params }) => {
  const s = await uploadStatus(await mailboxDeps(), params.id, token(req));
  return json(s, { headers: { "upload-offset": String(s.offset), "upload-length": String(s.length) } });
});

/** Appends the request body at Upload-Offset (like tus's PATCH); the last piece finalizes the message. */
export const PATCH = route({ access: "public", params }, async ({ req, params }) => {
  const deps = await mailboxDeps();
  const t = token(req);
  if (mediaType(req.headers.get("content-type")) !== "application/offset+octet-stream") {
    throw new DomainError("UNSUPPORTED_MEDIA_TYPE", "Send the bytes as application/offset+octet-stream.");
  }
  const offsetHeader = req.headers.get("upload-offset");
  if (!offsetHeader || !/^\d{1,12}$/.test(offsetHeader))
    throw new DomainError("BAD_REQUEST", "Upload-Offset must be the byte position this piece starts at.");
  // Limited while reading: a chunked piece stops being read at the limit.
  const bytes = await readBodyLimited(req, deps.limits.chunkMaxBytes, "This piece");
  const result = await appendChunk(deps, { id: params.id, token: t, offset: Number(offsetHeader), bytes });
  return json(result, { headers: { "upload-offset": String(result.offset) } });
});
