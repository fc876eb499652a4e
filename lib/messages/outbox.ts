/**
 * The browser's queue of messages not yet stored, kept across reloads (the page saves it with
 * `serialize`). Pure: the page calls `due` for what to send now and reports each answer back.
 *
 * - One message in flight per conversation, oldest first: a later message never overtakes an
 *   earlier one (Matrix keeps one send queue per room for the same reason).
 * - The id is made once, when written, so every try of a message is the same message to the server.
 * - A failure that may pass (network, 5xx, 429) is tried again, 1 s doubling to 30 s, for five
 *   minutes from writing; then it is "unsent" and waits for the member to retry or discard it. A
 *   refusal (4xx) makes it unsent at once, with the server's reason.
 * - While a conversation's oldest message is unsent, the ones after it wait too, so order holds.
 */
export type OutboxItem = {
  clientId: string;
  conversationId: string;
  body: string;
  replyToSeq?: number;
  /** When the member wrote it: the queue's order. */
  writtenAt: number;
  /** Where its five minutes of tries started (writing it, or the member's retry). */
  triesFrom: number;
  state: "queued" | "sending" | "unsent";
  attempts: number;
  nextAttemptAt: number;
  /** Why it is unsent, for the member. */
  error?: string;
};

export type Outbox = OutboxItem[];

export const GIVE_UP_AFTER_MS = 5 * 60_000;
const FIRST_RETRY_MS = 1000;
const MAX_RETRY_MS = 30_000;

export function enqueue(box: Outbox, m: Pick<OutboxItem, "clientId" | "conversationId" | "body" | "replyToSeq">, now: number): Outbox {
  if (box.some((x) => x.clientId === m.clientId)) return box;
  return [...box, { ...m, writtenAt: now, triesFrom: now, state: "queued", attempts: 0, nextAttemptAt: now }];
}

/** What to send now, marked as sending: per conversation, its oldest message if that one is due. */
export function due(box: Outbox, now: number): { box: Outbox; send: OutboxItem[] } {
  const heads = new Map<string, OutboxItem>();
  for (const x of [...box].sort((a, b) => a.writtenAt - b.writtenAt)) if (!heads.has(x.conversationId)) heads.set(x.conversationId, x);
  const send = [...heads.values()].filter((x) => x.state === "queued" && x.nextAttemptAt <= now);
  if (send.length === 0) return { box, send };
  const ids = new Set(send.map((x) => x.clientId));
  const next = box.map((x) => (ids.has(x.clientId) ? { ...x, state: "sending" as const, attempts: x.attempts + 1 } : x));
  return { box: next, send: next.filter((x) => ids.has(x.clientId)) };
}

/** Stored (201, or 200 for a repeat): it leaves the queue. */
export const sent = (box: Outbox, clientId: string): Outbox => box.filter((x) => x.clientId !== clientId);

/** A try failed: again later if it may pass and time is left, otherwise unsent. */
export function failed(
  box: Outbox,
  clientId: string,
  now: number,
  f: { retryable: boolean; reason: string; retryAfterMs?: number },
): Outbox {
  return box.map((x) => {
    if (x.clientId !== clientId) return x;
    const wait = Math.max(f.retryAfterMs ?? 0, Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** Math.max(0, x.attempts - 1)));
    if (!f.retryable || now + wait - x.triesFrom > GIVE_UP_AFTER_MS) return { ...x, state: "unsent", error: f.reason };
    return { ...x, state: "queued", nextAttemptAt: now + wait };
  });
}

/** The connection is back: what waits for its next try goes now (the backoff was for a network that is down). */
export const wake = (box: Outbox, now: number): Outbox =>
  box.map((x) => (x.state === "queued" && x.nextAttemptAt > now ? { ...x, nextAttemptAt: now } : x));

/** The member asks to try an unsent message again: a new five minutes, from now, in its place in the queue. */
export const retry = (box: Outbox, clientId: string, now: number): Outbox =>
  box.map((x) =>
    x.clientId === clientId && x.state === "unsent"
      ? { ...x, state: "queued", error: undefined, triesFrom: now, attempts: 0, nextAttemptAt: now }
      : x,
  );

export const discard = (box: Outbox, clientId: string): Outbox => box.filter((x) => x.clientId !== clientId || x.state !== "unsent");

/** After a reload nothing is in flight: what was sending is queued again (same id, so no duplicate). */
export function restore(saved: string | null): Outbox {
  if (!saved) return [];
  try {
    const items = JSON.parse(saved) as Outbox;
    if (!Array.isArray(items)) return [];
    return items
      .filter((x) => typeof x?.clientId === "string" && typeof x.conversationId === "string" && typeof x.body === "string")
      .map((x) => ({ ...x, triesFrom: x.triesFrom ?? x.writtenAt, state: x.state === "sending" ? ("queued" as const) : x.state }));
  } catch {
    return [];
  }
}

export const serialize = (box: Outbox): string => JSON.stringify(box);

/** How an answer counts: network failures, 5xx and 429 may pass; any other 4xx will not. */
export const isRetryable = (status: number) => status === 0 || status === 408 || status === 429 || status >= 500;
