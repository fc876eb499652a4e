import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { DriverAdapterError } from "@prisma/driver-adapter-utils";
import type { IsolationLevel, SqlDriverAdapter, SqlDriverAdapterFactory, SqlQuery, Transaction } from "@prisma/driver-adapter-utils";

const statement = (sql: string): SqlQuery => ({ sql, args: [], argTypes: [] });

/**
 * SQLite through better-sqlite3, with one process-wide queue in front of its single connection.
 *
 * Why better-sqlite3 and not libsql: libsql 0.5 leaves a statement that failed with SQLITE_BUSY
 * un-reset, and SQLite then defers the commit of that connection's next write until the statement is
 * finalised by the garbage collector. The process keeps the write lock and every other process gets
 * "database is locked" for good (the first test in sqlite-adapter.test.ts). better-sqlite3 resets
 * every statement, on success and on error.
 *
 * Why the queue: Prisma's better-sqlite3 adapter serialises transactions with each other but lets a
 * plain query run on the same connection while another request's transaction is open, where it would
 * silently become part of that transaction (and vanish with its rollback); and a failed COMMIT there
 * never releases its lock. Here a transaction holds the queue until it ends, every query outside it
 * waits its turn, as with a pool of one, and the transaction's own statements are run here.
 */
export function sqliteAdapter(url: string, opts: { busyTimeoutMs: number }): SqlDriverAdapterFactory {
  const inner = new PrismaBetterSQLite3({ url, timeout: opts.busyTimeoutMs });
  return {
    provider: inner.provider,
    adapterName: inner.adapterName,
    async connect() {
      return queued(await inner.connect());
    },
  };
}

/** A FIFO lock: `acquire` resolves with the function that releases it. */
export function createQueue() {
  let tail = Promise.resolve();
  return {
    acquire(): Promise<() => void> {
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      const turn = tail.then(() => release);
      tail = tail.then(() => held);
      return turn;
    },
  };
}

export function queued(adapter: SqlDriverAdapter): SqlDriverAdapter {
  const queue = createQueue();
  const exclusive = async <T>(fn: () => Promise<T>): Promise<T> => {
    const release = await queue.acquire();
    try {
      return await fn();
    } finally {
      release();
    }
  };
  return {
    provider: adapter.provider,
    adapterName: adapter.adapterName,
    queryRaw: (q: SqlQuery) => exclusive(() => adapter.queryRaw(q)),
    executeRaw: (q: SqlQuery) => exclusive(() => adapter.executeRaw(q)),
    executeScript: (script: string) => exclusive(() => adapter.executeScript(script)),
    getConnectionInfo: adapter.getConnectionInfo?.bind(adapter),
    dispose: () => exclusive(() => adapter.dispose()),
    async startTransaction(isolationLevel?: IsolationLevel): Promise<Transaction> {
      if (isolationLevel && isolationLevel !== "SERIALIZABLE") {
        throw new DriverAdapterError({ kind: "InvalidIsolationLevel", level: isolationLevel });
      }
      const release = await queue.acquire();
      try {
        // IMMEDIATE takes the write lock now, waiting up to the busy timeout, rather than failing
        // at once with SQLITE_BUSY_SNAPSHOT when a transaction that read first tries to write.
        await adapter.executeRaw(statement("BEGIN IMMEDIATE"));
      } catch (err) {
        release();
        throw err;
      }
      let open = true;
      const end = async (sql: "COMMIT" | "ROLLBACK") => {
        if (!open) return;
        open = false;
        try {
          await adapter.executeRaw(statement(sql));
        } catch (err) {
          // A failed COMMIT must not leave the connection inside the transaction; a failed
          // ROLLBACK means SQLite already rolled it back (it does so itself after some errors).
          await adapter.executeRaw(statement("ROLLBACK")).catch(() => undefined);
          if (sql === "COMMIT") throw err;
        } finally {
          release();
        }
      };
      return {
        provider: adapter.provider,
        adapterName: adapter.adapterName,
        // Prisma leaves COMMIT and ROLLBACK to commit() and rollback() below.
        options: { usePhantomQuery: true },
        queryRaw: (q) => adapter.queryRaw(q),
        executeRaw: (q) => adapter.executeRaw(q),
        commit: () => end("COMMIT"),
        rollback: () => end("ROLLBACK"),
      };
    },
  };
}
