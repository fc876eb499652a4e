import { randomUUID } from "node:crypto";
import type { Db } from "../db/client";
import { DomainError } from "../errors";
import type { Storage } from "../storage";
import { appendEntry } from "./append-entry";
import { cleanFileName, fileKind } from "./file-kind";
import { preparePicture } from "./picture";
import { MAX_BODY_CHARS, type WireMessage } from "./schemas";

export type SendFileInput = { clientId: string; name: string; bytes: Uint8Array; caption: string; replyToSeq?: number };

/**
 * Stores a file sent in a conversation: its type from its bytes; a picture made upright, stripped of
 * its metadata and given a thumbnail. The bytes are stored first and the message after, so a message
 * never points at nothing; if the message is not stored (refused, or a repeat of one already
 * stored) the bytes are removed again.
 */
export async function sendFile({
  db,
  storage,
  senderId,
  conversationId,
  input,
  maxBytes,
}: {
  db: Db;
  storage: Storage;
  senderId: string;
  conversationId: string;
  input: SendFileInput;
  maxBytes: number;
}): Promise<{ message: WireMessage; created: boolean }> {
  if (input.bytes.length === 0) throw new DomainError("VALIDATION_FAILED", "This file is empty");
  if (input.bytes.length > maxBytes)
    throw new DomainError("PAYLOAD_TOO_LARGE", `A file can be at most ${Math.round(maxBytes / 1024 / 1024)} MB`);
  if (input.caption.length > MAX_BODY_CHARS)
    throw new DomainError("VALIDATION_FAILED", `A caption holds at most ${MAX_BODY_CHARS} characters`);
  // Only a member of the conversation gets to make us decode and store anything.
  const member = await db.conversationMember.count({ where: { conversationId, memberId: senderId, state: { not: "declined" } } });
  if (!member) throw new DomainError("NOT_FOUND", "No such conversation");

  const kind = await fileKind(input.bytes);
  const picture = kind.previewed ? await preparePicture(input.bytes, kind.mime) : null;
  const id = randomUUID();
  const fileKey = `messages/${conversationId.toLowerCase()}/${id}.${kind.ext}`;
  const thumbKey = picture ? `messages/${conversationId.toLowerCase()}/${id}-thumb.webp` : null;
  const bytes = picture?.bytes ?? input.bytes;
  await storage.put(fileKey, bytes);
  if (thumbKey && picture) await storage.put(thumbKey, picture.thumb);
  const removeStored = () => Promise.allSettled([fileKey, thumbKey].filter((k): k is string => !!k).map((k) => storage.delete(k)));
  try {
    const result = await appendEntry({
      db,
      senderId,
      conversationId,
      clientId: input.clientId,
      entry: {
        kind: "file",
        body: input.caption,
        replyToSeq: input.replyToSeq,
        fileKey,
        fileName: cleanFileName(input.name, kind.ext),
        fileType: kind.mime,
        fileSize: bytes.length,
        thumbKey,
        width: picture?.width ?? null,
        height: picture?.height ?? null,
      },
    });
    if (!result.created) await removeStored();
    return result;
  } catch (err) {
    await removeStored();
    throw err;
  }
}

/** A file's stored key and type, for a member of its conversation (who has not declined it). */
export async function messageFile({
  db,
  memberId,
  conversationId,
  seq,
  thumb,
}: {
  db: Db;
  memberId: string;
  conversationId: string;
  seq: number;
  thumb: boolean;
}): Promise<{ key: string; type: string; name: string }> {
  const m = await db.conversationMessage.findFirst({
    where: { conversationId, seq, kind: "file", conversation: { members: { some: { memberId, state: { not: "declined" } } } } },
    select: { fileKey: true, thumbKey: true, fileType: true, fileName: true },
  });
  const key = thumb ? m?.thumbKey : m?.fileKey;
  if (!m || !key || !m.fileType) throw new DomainError("NOT_FOUND", "No such file");
  return { key, type: thumb ? "image/webp" : m.fileType, name: m.fileName ?? "file" };
}
