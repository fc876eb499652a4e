import type { BusPublisher } from "../bus/types";
import type { Db } from "../db/client";
import { announceMessage } from "./announce";
import { sendAwayReplies } from "./away-reply";
import type { SendMessageInput } from "./schemas";
import { messageLimiter } from "./send-limit";
import { sendMessage, type TextStored } from "./send-message";

/**
 * A member sends a text message, by the route or over the presence socket: counted against their
 * allowance, stored (or found stored before, when it is a retry), and told to every participant's
 * devices when new. A retry is counted too: a client that retries in a loop is held back like one
 * that sends in a loop.
 */
export async function sendText(
  deps: { db: Db; bus: BusPublisher },
  senderId: string,
  conversationId: string,
  input: SendMessageInput,
): Promise<TextStored> {
  await messageLimiter().hit(senderId);
  const stored = await sendMessage({ db: deps.db, senderId, conversationId, input });
  if (stored.created) {
    await announceMessage(deps, stored.message, stored.to);
    // Answered after the sender has their message: an auto-reply never holds up the send.
    void sendAwayReplies(deps, stored, senderId).catch(() => undefined);
  }
  return stored;
}
