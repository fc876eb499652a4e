import { env } from "../env";
import type { PrismaClient as SqliteClient } from "./generated/sqlite/client";

/**
 * One Prisma client per process. Both generated clients come from the same schema
 * (prisma/schema.prisma), so they expose the same model API; the SQLite one's
 * types stand for both.
 */
export type Db = SqliteClient;

const globalForDb = globalThis as unknown as { portalDb?: Promise<Db> };

async function create(): Promise<Db> {
  const { DATABASE_URL, dbKind } = env();
  if (dbKind === "postgres") {
    const [{ PrismaClient }, { PrismaPg }] = await Promise.all([import("./generated/postgres/client"), import("@prisma/adapter-pg")]);
    const adapter = new PrismaPg({ connectionString: DATABASE_URL, max: 20 });
    return new PrismaClient({ adapter }) as unknown as Db;
  }
  const [{ PrismaClient }, { sqliteAdapter }] = await Promise.all([import("./generated/sqlite/client"), import("./sqlite-adapter")]);
  // busy timeout: a write that meets another process's write waits for it instead of failing.
  const client = new PrismaClient({ adapter: sqliteAdapter(DATABASE_URL, { busyTimeoutMs: 5000 }) });
  // WAL lets readers proceed during a write.
  await client.$queryRawUnsafe("PRAGMA journal_mode = WAL");
  // A 64 MB page cache instead of 2 MB: a million-member directory answers several times faster
  // (bench/directory.ts).
  await client.$queryRawUnsafe("PRAGMA cache_size = -65536");
  // Keeps the query planner's statistics fresh as tables grow, as SQLite advises for long-lived
  // connections; best effort (another writer may hold the lock).
  setInterval(() => void client.$queryRawUnsafe("PRAGMA optimize").catch(() => {}), 60 * 60_000).unref();
  return client;
}

export function db(): Promise<Db> {
  globalForDb.portalDb ??= create().catch((err) => {
    globalForDb.portalDb = undefined;
    throw err;
  });
  return globalForDb.portalDb;
}

export async function disconnectDb(): Promise<void> {
  const p = globalForDb.portalDb;
  globalForDb.portalDb = undefined;
  if (p) await (await p).$disconnect();
}
