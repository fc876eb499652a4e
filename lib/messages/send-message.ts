import type { Db } from "../db/client";
import { appendEntry } from "./append-entry";
import type { SendMessageInput, WireMessage } from "./schemas";

/** Stores a text message (idempotent by the sender's id for it: see appendEntry). */
export function sendMessage({
  db,
  senderId,
  conversationId,
  input,
  now,
}: {
  db: Db;
  senderId: string;
  conversationId: string;
  input: SendMessageInput;
  now?: Date;
}): Promise<{ message: WireMessage; created: boolean }> {
  return appendEntry({
    db,
    senderId,
    conversationId,
    clientId: input.clientId,
    entry: { kind: "text", body: input.body, replyToSeq: input.replyToSeq },
    now,
  });
}
