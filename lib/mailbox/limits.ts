import { env } from "../env";

export type MailboxLimits = { minMs: number; maxMs: number; maxBytes: number; perHour: number; chunkMaxBytes: number; uploadTtlMs: number };

/** Read once per call from lib/env (tests change them through the environment). */
export function mailboxLimits(): MailboxLimits {
  const e = env();
  return {
    minMs: 1000,
    maxMs: e.MAILBOX_MAX_SECONDS * 1000,
    maxBytes: e.MAILBOX_MAX_BYTES,
    perHour: e.MAILBOX_MESSAGES_PER_HOUR,
    // One PATCH carries at most this much; the recorder sends 64 kB to 4 MB pieces.
    chunkMaxBytes: 8 * 1024 * 1024,
    // An upload nobody finishes is dropped after a day.
    uploadTtlMs: 24 * 60 * 60_000,
  };
}

export const TRASH_DAYS = 30;
