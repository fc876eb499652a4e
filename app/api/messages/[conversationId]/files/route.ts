import { z } from "zod";
import { MAX_SEQ } from "@/lib/messages/schemas";
import { route } from "@/app/_server/route";
import { limitMessages } from "@/app/_server/limits";
import { bus } from "@/lib/bus";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { DomainError } from "@/lib/errors";
import { hasUnstorableText, mediaType, readFormLimited, UNSTORABLE_TEXT } from "@/lib/http/read-body";
import { json, validationError } from "@/lib/http/respond";
import { announceMessage } from "@/lib/messages/announce";
import { conversationParams, sendMessageSchema } from "@/lib/messages/schemas";
import { sendFile } from "@/lib/messages/send-file";
import { storage } from "@/lib/storage";

const fields = z.object({
  clientId: sendMessageSchema.shape.clientId,
  caption: z
    .string()
    .default("")
    .refine((s) => !hasUnstorableText(s), `caption ${UNSTORABLE_TEXT}`),
  replyToSeq: z.coerce.number().int().positive().max(MAX_SEQ).optional(),
});

/** A file or picture, as multipart fields "file", "clientId" (UUIDv7), and optionally "caption" and "replyToSeq". */
export const POST = route({ access: "member", params: conversationParams }, async ({ req, member, params }) => {
  // Multipart only: a urlencoded or text/plain form post is what another site can send without asking.
  if (mediaType(req.headers.get("content-type")) !== "multipart/form-data")
    throw new DomainError("UNSUPPORTED_MEDIA_TYPE", 'Send the file as a multipart form with the field "file".');
  await limitMessages(member.id);
  const max = env().MESSAGE_FILE_MAX_BYTES;
  const form = await readFormLimited(req, max + 64 * 1024, "The file").catch((err: unknown) => {
    if (err instanceof DomainError && err.code === "PAYLOAD_TOO_LARGE")
      throw new DomainError("PAYLOAD_TOO_LARGE", `A file can be at most ${Math.round(max / 1024 / 1024)} MB`);
    throw err;
  });
  const file = form.get("file");
  if (!(file instanceof File)) throw new DomainError("VALIDATION_FAILED", "file: choose a file to send", { field: "file" });
  const parsed = fields.safeParse({
    clientId: form.get("clientId") ?? undefined,
    caption: form.get("caption") ?? undefined,
    replyToSeq: form.get("replyToSeq") || undefined,
  });
  if (!parsed.success) throw validationError(parsed.error);
  const deps = { db: await db(), bus: bus() };
  const { message, created } = await sendFile({
    db: deps.db,
    storage: storage(),
    senderId: member.id,
    conversationId: params.conversationId,
    maxBytes: max,
    input: { ...parsed.data, name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) },
  });
  if (created) await announceMessage(deps, message);
  return json({ message }, { status: created ? 201 : 200 });
});
