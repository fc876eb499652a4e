import type { Db } from "../db/client";
import { env } from "../env";
import { appendEntry } from "./append-entry";
import { participants } from "./announce";
import { BatchQueue } from "./batch-queue";
import type { SendMessageInput, WireMessage } from "./schemas";
import { sqliteTextStore } from "./store-texts-sqlite";

/** A text message to store: who sends it, where, and the sender's own id for it. */
export type TextSend = { senderId: string; conversationId: string; clientId: string; body: string; replyToSeq?: number; at?: Date };
/** Stored (or found stored before, `created` false), with who is to be told of it. */
export type TextStored = { message: WireMessage; created: boolean; to: string[] };
/** Stores a batch, one outcome per send in order; a refused send is its DomainError. */
export type StoreTexts = { store(sends: TextSend[]): (TextStored | Error)[] };

/** How long a batch waits for another writer (another process, or a Prisma transaction here) to let go. */
const LOCK_WAIT_MS = 5000;
const queues = new Map<string, BatchQueue<TextSend, TextStored>>();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const isBusy = (err: unknown) => (err as { code?: string }).code === "SQLITE_BUSY";

/**
 * One writer per SQLite file in this process: sends that arrive while it writes share the next
 * transaction. Its connection does not wait for the lock inside SQLite (that would stop this
 * process's event loop, and with it a Prisma transaction here that holds the lock between two
 * awaits): the batch is tried again after a pause, nothing of it having been written.
 */
function sqliteQueue(url: string): BatchQueue<TextSend, TextStored> {
  let q = queues.get(url);
  if (!q) {
    // The file as Prisma's SQLite adapter reads it from the same URL.
    const store = sqliteTextStore(url.replace(/^file:/, ""), { busyTimeoutMs: 0 });
    q = new BatchQueue(async (sends) => {
      const started = Date.now();
      for (let pause = 1; ; pause = Math.min(pause * 2, 50)) {
        try {
          return store.store(sends);
        } catch (err) {
          if (!isBusy(err) || Date.now() - started > LOCK_WAIT_MS) throw err;
          await sleep(pause);
        }
      }
    });
    queues.set(url, q);
  }
  return q;
}

/**
 * Stores a text message, idempotent by the sender's id for it (sending again returns the stored
 * one). On SQLite, sends are written in batches through store-texts-sqlite.ts; on PostgreSQL each is
 * its own transaction (appendEntry), concurrent ones taking turns on the conversation's row.
 * `now` is for tests: the time to store.
 */
export async function sendMessage({
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
}): Promise<TextStored> {
  const e = env();
  if (e.dbKind === "sqlite") {
    return sqliteQueue(e.DATABASE_URL).submit({ senderId, conversationId, ...input, at: now });
  }
  const { message, created } = await appendEntry({
    db,
    senderId,
    conversationId,
    clientId: input.clientId,
    entry: { kind: "text", body: input.body, replyToSeq: input.replyToSeq },
    now,
  });
  return { message, created, to: await participants(db, conversationId) };
}
