import { z } from "zod";
import { UUID7 } from "./uuid7";

export const MAX_BODY_CHARS = 4000;
export const MAX_GROUP_MEMBERS = 100;

/** What a device sends: its own id for the message, so that sending again is the same message. */
export const sendMessageSchema = z.object({
  clientId: z.string().regex(UUID7, "clientId must be a UUIDv7"),
  body: z
    .string()
    .max(MAX_BODY_CHARS, `A message holds at most ${MAX_BODY_CHARS} characters`)
    .refine((s) => s.trim().length > 0, "A message cannot be empty"),
  replyToSeq: z.number().int().positive().optional(),
});
export type SendMessageInput = z.infer<typeof sendMessageSchema>;

/** A device's position in each conversation it knows: everything after it is due. */
export const cursorsSchema = z.record(z.string().min(1).max(64), z.number().int().min(0)).refine((c) => Object.keys(c).length <= 1000, {
  message: "At most 1,000 conversations per request",
});

/** What a device sends to change its own message: the change's own id, as for a message. */
export const editMessageSchema = z.object({ clientId: sendMessageSchema.shape.clientId, body: sendMessageSchema.shape.body });
export const deleteMessageSchema = z.object({ clientId: sendMessageSchema.shape.clientId });
export const messageParams = z.object({ conversationId: z.string().min(1).max(64), seq: z.coerce.number().int().positive() });

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

export const openConversationSchema = z.object({ to: z.string().min(1).max(64) });
const memberIds = z.array(z.string().min(1).max(64)).min(1, "Choose at least one person").max(MAX_GROUP_MEMBERS);
export const createGroupSchema = z.object({
  title: z.string().trim().min(1, "Give the group a name").max(80, "A group's name holds at most 80 characters"),
  memberIds,
});
export const addMembersSchema = z.object({ memberIds });
export const conversationParams = z.object({ conversationId: z.string().min(1).max(64) });
export const historyQuery = z.object({
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
});
export const readSchema = z.object({ seq: z.number().int().min(0), marker: z.enum(["read", "delivered"]).default("read") });
/** `only`: just the conversations given (a browser that holds some threads); otherwise every one, new ones from the start. */
export const syncSchema = z.object({ cursors: cursorsSchema, only: z.boolean().default(false) });
export const answerRequestSchema = z.object({ answer: z.enum(["accept", "decline", "block"]) });
export const searchQuery = z.object({ q: z.string().trim().min(1, "Type a word to search for").max(200) });
