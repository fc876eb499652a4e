/** What the server and the browser share about messages, with no dependency (see schemas.ts for the zod side). */
export const MAX_BODY_CHARS = 4000;
export const MAX_GROUP_MEMBERS = 100;

/**
 * What a stored entry is: a text or a file (shown), or an edit or a delete of the sender's entry at
 * `targetSeq` (applied, not shown). Changes have sequences of their own so that a device catching up
 * "everything after" its cursor learns of them, however long it was away.
 */
export type MessageKind = "text" | "file" | "edit" | "delete";

/** A file as the thread shows it; its bytes are at fileUrl(conversationId, seq). */
export type WireFile = { name: string; type: string; size: number; width: number | null; height: number | null; thumb: boolean };

/** A message as every device receives it. A deleted one keeps its place and loses its text and file. */
export type WireMessage = {
  id: string;
  conversationId: string;
  seq: number;
  senderId: string;
  clientId: string;
  kind: MessageKind;
  targetSeq: number | null;
  body: string;
  file: WireFile | null;
  replyToSeq: number | null;
  createdAt: string;
  editedAt: string | null;
  deletedAt: string | null;
};

/** A stored message as the database gives it. */
export type StoredMessage = Omit<WireMessage, "createdAt" | "editedAt" | "deletedAt" | "kind" | "file"> & {
  kind: string;
  fileName: string | null;
  fileType: string | null;
  fileSize: number | null;
  thumbKey: string | null;
  width: number | null;
  height: number | null;
  createdAt: Date;
  editedAt: Date | null;
  deletedAt: Date | null;
};

const KINDS = new Set<string>(["text", "file", "edit", "delete"]);

export function toWire(m: StoredMessage): WireMessage {
  const gone = m.deletedAt !== null;
  return {
    id: m.id,
    conversationId: m.conversationId,
    seq: m.seq,
    senderId: m.senderId,
    clientId: m.clientId,
    kind: (KINDS.has(m.kind) ? m.kind : "text") as MessageKind,
    targetSeq: m.targetSeq,
    body: gone ? "" : m.body,
    file:
      !gone && m.fileName && m.fileType
        ? { name: m.fileName, type: m.fileType, size: m.fileSize ?? 0, width: m.width, height: m.height, thumb: m.thumbKey !== null }
        : null,
    replyToSeq: m.replyToSeq,
    createdAt: m.createdAt.toISOString(),
    editedAt: m.editedAt?.toISOString() ?? null,
    deletedAt: m.deletedAt?.toISOString() ?? null,
  };
}

/** Where a file's bytes (or its thumbnail) are served, to members of its conversation only. */
export const fileUrl = (conversationId: string, seq: number, thumb = false) =>
  `/api/messages/${encodeURIComponent(conversationId)}/${seq}/file${thumb ? "?thumb=1" : ""}`;

/** Entries the thread shows and unread counts count (changes are applied to these). */
export const SHOWN_KINDS = ["text", "file"] as const;

/** Typing: sent at most every few seconds while the member types; shown until this long after the last. */
export const TYPING_SHOWN_MS = 6000;
export const TYPING_EVERY_MS = 3000;
