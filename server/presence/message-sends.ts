import { z } from "zod";
import type { BusPublisher } from "../../lib/bus/types";
import type { Db } from "../../lib/db/client";
import { DomainError } from "../../lib/errors";
import type { SocketSend, SocketSendAck } from "../../lib/presence/events";
import { sendMessageSchema } from "../../lib/messages/schemas";
import { sendText } from "../../lib/messages/send-text";

const socketSendSchema = sendMessageSchema.extend({ conversationId: z.string().min(1).max(64) });

/**
 * Text messages sent over a member's presence socket: the route's rules (lib/messages/send-text.ts),
 * without an HTTP request per message. The browser sends this way while it is connected, and by the
 * route otherwise; the message's id makes the two ways one message if both are tried.
 */
export function handleSocketSend(
  deps: { db: Db; bus: BusPublisher },
  memberId: string | null,
  payload: SocketSend,
  ack: (r: SocketSendAck) => void,
  log: (msg: string) => void,
): void {
  if (typeof ack !== "function") return;
  if (!memberId) return ack({ error: { code: "UNAUTHENTICATED", message: "Sign in to send messages", status: 401 } });
  const parsed = socketSendSchema.safeParse(payload);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    return ack({ error: { code: "VALIDATION_FAILED", message: first?.message ?? "Invalid message", status: 400 } });
  }
  const { conversationId, ...input } = parsed.data;
  sendText(deps, memberId, conversationId, input).then(
    ({ message }) => ack({ message }),
    (err: unknown) => {
      if (err instanceof DomainError) {
        const retry = err.details?.retryAfterSeconds;
        return ack({
          error: {
            code: err.code,
            message: err.message,
            status: err.status,
            ...(typeof retry === "number" ? { retryAfterSeconds: retry } : {}),
          },
        });
      }
      log(`a message sent over the socket failed: ${(err as Error).message}`);
      ack({ error: { code: "INTERNAL", message: "The message could not be stored: it will be tried again", status: 500 } });
    },
  );
}
