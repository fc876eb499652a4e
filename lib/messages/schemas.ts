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

/** A message as every device receives it. A deleted one keeps its place and loses its text. */
export type WireMessage = {
  id: string;
  conversationId: string;
  seq: number;
  senderId: string;
  clientId: string;
  body: string;
  replyToSeq: number | null;
  createdAt: string;
  editedAt: string | null;
  deletedAt: string | null;
};

/** A stored message as the database gives it: the wire's fields, with times as dates. */
type StoredMessage = Omit<WireMessage, "createdAt" | "editedAt" | "deletedAt"> & {
  createdAt: Date;
  editedAt: Date | null;
  deletedAt: Date | null;
};

export function toWire(m: StoredMessage): WireMessage {
  return {
    id: m.id,
    conversationId: m.conversationId,
    seq: m.seq,
    senderId: m.senderId,
    clientId: m.clientId,
    body: m.deletedAt ? "" : m.body,
    replyToSeq: m.replyToSeq,
    createdAt: m.createdAt.toISOString(),
    editedAt: m.editedAt?.toISOString() ?? null,
    deletedAt: m.deletedAt?.toISOString() ?? null,
  };
}

export const openConversationSchema = z.object({ to: z.string().min(1).max(64) });
export const conversationParams = z.object({ conversationId: z.string().min(1).max(64) });
export const historyQuery = z.object({ before: z.coerce.number().int().positive().optional() });
export const readSchema = z.object({ seq: z.number().int().min(0) });
export const syncSchema = z.object({ cursors: cursorsSchema });
export const answerRequestSchema = z.object({ answer: z.enum(["accept", "decline", "block"]) });
export const searchQuery = z.object({ q: z.string().trim().min(1, "Type a word to search for").max(200) });
