import { env } from "../env";
import type { Prisma, PrismaClient as SqliteClient } from "./generated/sqlite/client";

/**
 * One Prisma client per process. Both generated clients come from the same schema
 * (prisma/schema.prisma), so they expose the same model API; the SQLite one's
 * types stand for both.
 */
export type Db = SqliteClient;

/** Rows of one read, straight through the database driver (see `directReads`). */
export type ReadRows = <T>(sql: Prisma.Sql) => Promise<T[]>;
type DirectReads = { read: ReadRows; close: () => Promise<void> };
/** One statement straight through PostgreSQL's driver; its errors are the driver's (see `directPgStatement`). */
export type PgStatement = <T>(sql: Prisma.Sql) => Promise<T[]>;

const globalForDb = globalThis as unknown as {
  portalDb?: Promise<Db>;
  portalReads?: WeakMap<Db, DirectReads>;
  portalPgStatements?: WeakMap<Db, PgStatement>;
};
const reads = (globalForDb.portalReads ??= new WeakMap());
const pgStatements = (globalForDb.portalPgStatements ??= new WeakMap());

/** A 64 MB page cache instead of 2 MB: a million-member directory answers several times faster (bench/directory.ts). */
const SQLITE_CACHE_PRAGMA = "cache_size = -65536";
/** A write that meets another process's write waits for it instead of failing. */
const SQLITE_BUSY_TIMEOUT_MS = 5000;

/** Values as Prisma's adapters write them: SQLite keeps times as ISO 8601 text and booleans as 1/0. */
const sqliteArg = (v: unknown) => (v instanceof Date ? v.toISOString().replace("Z", "+00:00") : typeof v === "boolean" ? (v ? 1 : 0) : v);
const pgArg = (v: unknown) => (v instanceof Date ? v.toISOString() : v);

async function create(): Promise<Db> {
  const { DATABASE_URL, dbKind } = env();
  if (dbKind === "postgres") {
    const [{ PrismaClient }, { PrismaPg }, { default: pg }] = await Promise.all([
      import("./generated/postgres/client"),
      import("@prisma/adapter-pg"),
      import("pg"),
    ]);
    // One pool for Prisma and the direct reads.
    const pool = new pg.Pool({ connectionString: DATABASE_URL, max: 20 });
    const client = new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) }) as unknown as Db;
    const statement: PgStatement = async <T>(sql: Prisma.Sql) => (await pool.query(sql.text, sql.values.map(pgArg))).rows as T[];
    reads.set(client, { read: statement, close: async () => {} });
    pgStatements.set(client, statement);
    return client;
  }
  const [{ PrismaClient }, { sqliteAdapter }, { default: Database }] = await Promise.all([
    import("./generated/sqlite/client"),
    import("./sqlite-adapter"),
    import("better-sqlite3"),
  ]);
  const client = new PrismaClient({ adapter: sqliteAdapter(DATABASE_URL, { busyTimeoutMs: SQLITE_BUSY_TIMEOUT_MS }) });
  // WAL lets readers proceed during a write.
  await client.$queryRawUnsafe("PRAGMA journal_mode = WAL");
  await client.$queryRawUnsafe(`PRAGMA ${SQLITE_CACHE_PRAGMA}`);
  // Keeps the query planner's statistics fresh as tables grow, as SQLite advises for long-lived
  // connections; best effort (another writer may hold the lock).
  setInterval(() => void client.$queryRawUnsafe("PRAGMA optimize").catch(() => {}), 60 * 60_000).unref();
  // Direct reads have a connection of their own, for reading only: with WAL it sees every committed
  // write and waits neither for the queue in sqlite-adapter.ts nor for anyone's transaction.
  let reader: InstanceType<typeof Database> | undefined;
  const open = () => {
    const conn = new Database(DATABASE_URL.replace(/^file:/, ""), { timeout: SQLITE_BUSY_TIMEOUT_MS });
    conn.pragma("query_only = 1");
    conn.pragma(SQLITE_CACHE_PRAGMA);
    return conn;
  };
  reads.set(client, {
    read: async <T>(sql: Prisma.Sql) => (reader ??= open()).prepare(sql.sql).all(...sql.values.map(sqliteArg)) as T[],
    close: async () => void reader?.close(),
  });
  return client;
}

export function db(): Promise<Db> {
  globalForDb.portalDb ??= create().catch((err) => {
    globalForDb.portalDb = undefined;
    throw err;
  });
  return globalForDb.portalDb;
}

/**
 * Reads straight through the driver, for a hot read where the Prisma client's own work shows (the
 * directory's page: half a millisecond a query at p50, more at p95, bench/directory.ts). Same SQL as
 * `$queryRaw`, values bound the way Prisma's adapters bind them; rows come back as the driver gives
 * them (a condition is 1/0 on SQLite, a boolean on PostgreSQL). A client made elsewhere reads
 * through Prisma.
 */
export function directReads(client: Db): ReadRows {
  return reads.get(client)?.read ?? (<T>(sql: Prisma.Sql) => client.$queryRaw<T[]>(sql));
}

/**
 * A write straight through PostgreSQL's driver, for a hot write that one statement can do where
 * Prisma would run several in a transaction (a registration: bench/numbers.ts). Null on SQLite and
 * for a client made elsewhere: the caller keeps its Prisma path. Errors are pg's own (`code`
 * "23505" and `constraint` for a unique violation; see lib/db/unique-violation.ts).
 */
export function directPgStatement(client: Db): PgStatement | null {
  return pgStatements.get(client) ?? null;
}

export async function disconnectDb(): Promise<void> {
  const p = globalForDb.portalDb;
  globalForDb.portalDb = undefined;
  if (!p) return;
  const client = await p;
  await reads.get(client)?.close();
  await client.$disconnect();
}
