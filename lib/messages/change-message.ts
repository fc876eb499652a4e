import type { Db } from "../db/client";
import { DomainError } from "../errors";
import { appendEntry } from "./append-entry";
import type { WireMessage } from "./schemas";

type Change = { db: Db; senderId: string; conversationId: string; targetSeq: number; clientId: string; now?: Date };

/**
 * Edits one's own text message: the message takes the new text (and "edited"), and the edit is
 * appended as an entry of its own so that every device, catching up by sequence, learns of it.
 */
export function editMessage({ body, ...c }: Change & { body: string }): Promise<{ message: WireMessage; created: boolean }> {
  return appendEntry({
    db: c.db,
    senderId: c.senderId,
    conversationId: c.conversationId,
    clientId: c.clientId,
    now: c.now,
    entry: { kind: "edit", body, targetSeq: c.targetSeq },
    apply: async (tx, _seq, at) => {
      const target = await ownTarget(tx, c);
      if (target.kind !== "text") throw new DomainError("VALIDATION_FAILED", "Only a text message can be edited");
      await tx.conversationMessage.update({ where: { id: target.id }, data: { body, editedAt: at } });
      // Only the latest text is kept: earlier edits' entries lose theirs.
      await tx.conversationMessage.updateMany({
        where: { conversationId: c.conversationId, kind: "edit", targetSeq: c.targetSeq },
        data: { body: "" },
      });
    },
  });
}

/**
 * Deletes one's own message or file for everyone: it keeps its place ("deleted") and loses its
 * text, its earlier edits' texts and its file. Returns the stored file keys for the caller to remove.
 */
export async function deleteMessage(c: Change): Promise<{ message: WireMessage; created: boolean; fileKeys: string[] }> {
  const fileKeys: string[] = [];
  const result = await appendEntry({
    db: c.db,
    senderId: c.senderId,
    conversationId: c.conversationId,
    clientId: c.clientId,
    now: c.now,
    entry: { kind: "delete", body: "", targetSeq: c.targetSeq },
    apply: async (tx, _seq, at) => {
      const target = await ownTarget(tx, c);
      fileKeys.push(...[target.fileKey, target.thumbKey].filter((k): k is string => !!k));
      await tx.conversationMessage.update({
        where: { id: target.id },
        data: { body: "", deletedAt: at, fileKey: null, thumbKey: null, fileName: null, fileType: null, fileSize: null },
      });
      await tx.conversationMessage.updateMany({
        where: { conversationId: c.conversationId, kind: "edit", targetSeq: c.targetSeq },
        data: { body: "" },
      });
    },
  });
  return { ...result, fileKeys };
}

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

async function ownTarget(tx: Tx, c: Change) {
  const target = await tx.conversationMessage.findUnique({
    where: { conversationId_seq: { conversationId: c.conversationId, seq: c.targetSeq } },
    select: { id: true, kind: true, senderId: true, deletedAt: true, fileKey: true, thumbKey: true },
  });
  if (!target || (target.kind !== "text" && target.kind !== "file")) throw new DomainError("NOT_FOUND", "No such message");
  if (target.senderId !== c.senderId) throw new DomainError("FORBIDDEN", "You can only change your own messages");
  if (target.deletedAt) throw new DomainError("CONFLICT", "This message was deleted");
  return target;
}
