import { route } from "@/app/_server/route";
import { limitMessages } from "@/app/_server/limits";
import { bus } from "@/lib/bus";
import { db } from "@/lib/db/client";
import { json } from "@/lib/http/respond";
import { announceMessage } from "@/lib/messages/announce";
import { deleteMessage, editMessage } from "@/lib/messages/change-message";
import { deleteMessageSchema, editMessageSchema, messageParams } from "@/lib/messages/schemas";
import { storage } from "@/lib/storage";

/** Edits one's own text message (for everyone: shown as edited). 201 when stored now, 200 for a repeat. */
export const PATCH = route({ access: "member", params: messageParams, body: editMessageSchema }, async ({ member, params, body }) => {
  await limitMessages(member.id);
  const deps = { db: await db(), bus: bus() };
  const { message, created } = await editMessage({
    db: deps.db,
    senderId: member.id,
    conversationId: params.conversationId,
    targetSeq: params.seq,
    clientId: body.clientId,
    body: body.body,
  });
  if (created) await announceMessage(deps, message);
  return json({ message }, { status: created ? 201 : 200 });
});

/** Deletes one's own message or file for everyone (it keeps its place, shown as deleted). */
export const DELETE = route({ access: "member", params: messageParams, body: deleteMessageSchema }, async ({ member, params, body }) => {
  await limitMessages(member.id);
  const deps = { db: await db(), bus: bus() };
  const { message, created, fileKeys } = await deleteMessage({
    db: deps.db,
    senderId: member.id,
    conversationId: params.conversationId,
    targetSeq: params.seq,
    clientId: body.clientId,
  });
  if (created) await announceMessage(deps, message);
  // The rows no longer point at the bytes: a failure here leaves an orphan file, never a broken message.
  await Promise.allSettled(fileKeys.map((k) => storage().delete(k)));
  return json({ message }, { status: created ? 201 : 200 });
});
