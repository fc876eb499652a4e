import { z } from "zod";
import { UUID7 } from "./uuid7";
import { MAX_BODY_CHARS, MAX_GROUP_MEMBERS } from "./wire";

/** Sequence numbers are 32-bit integers in the database: PostgreSQL refuses a larger one outright (a 500, not a 404). */
export const MAX_SEQ = 2_147_483_647;
const seqOver = "No such message";

// The wire types and constants live apart, without zod, for the browser's bundle (zod probes for
// eval when loaded, which the pages' CSP reports): re-exported here for the server's imports.
export * from "./wire";

/** What a device sends: its own id for the message, so that sending again is the same message. */
export const sendMessageSchema = z.object({
  clientId: z.string().regex(UUID7, "clientId must be a UUIDv7"),
  body: z
    .string()
    .max(MAX_BODY_CHARS, `A message holds at most ${MAX_BODY_CHARS} characters`)
    .refine((s) => s.trim().length > 0, "A message cannot be empty"),
  replyToSeq: z.number().int().positive().max(MAX_SEQ, seqOver).optional(),
});
export type SendMessageInput = z.infer<typeof sendMessageSchema>;

/** A device's position in each conversation it knows: everything after it is due. */
export const cursorsSchema = z
  .record(z.string().min(1).max(64), z.number().int().min(0).max(MAX_SEQ))
  .refine((c) => Object.keys(c).length <= 1000, {
    message: "At most 1,000 conversations per request",
  });

/** What a device sends to change its own message: the change's own id, as for a message. */
export const editMessageSchema = z.object({ clientId: sendMessageSchema.shape.clientId, body: sendMessageSchema.shape.body });
export const deleteMessageSchema = z.object({ clientId: sendMessageSchema.shape.clientId });
export const messageParams = z.object({
  conversationId: z.string().min(1).max(64),
  seq: z.coerce.number().int().positive().max(MAX_SEQ, seqOver),
});

export const openConversationSchema = z.object({ to: z.string().min(1).max(64) });
const memberIds = z.array(z.string().min(1).max(64)).min(1, "Choose at least one person").max(MAX_GROUP_MEMBERS);
export const createGroupSchema = z.object({
  title: z.string().trim().min(1, "Give the group a name").max(80, "A group's name holds at most 80 characters"),
  memberIds,
});
export const addMembersSchema = z.object({ memberIds });
export const conversationParams = z.object({ conversationId: z.string().min(1).max(64) });
export const historyQuery = z.object({
  before: z.coerce.number().int().positive().max(MAX_SEQ).optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
});
export const readSchema = z.object({ seq: z.number().int().min(0).max(MAX_SEQ), marker: z.enum(["read", "delivered"]).default("read") });
/** `only`: just the conversations given (a browser that holds some threads); otherwise every one, new ones from the start. */
export const syncSchema = z.object({ cursors: cursorsSchema, only: z.boolean().default(false) });
export const answerRequestSchema = z.object({ answer: z.enum(["accept", "decline", "block"]) });
export const searchQuery = z.object({ q: z.string().trim().min(1, "Type a word to search for").max(200) });
