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
    const [{ PrismaClient }, { PrismaPg }] = await Promise.all([
      import("./generated/postgres/client"),
      import("@prisma/adapter-pg"),
    ]);
    const adapter = new PrismaPg({ connectionString: DATABASE_URL, max: 20 });
    return new PrismaClient({ adapter }) as unknown as Db;
  }
  const [{ PrismaClient }, { PrismaLibSQL }] = await Promise.all([
    import("./generated/sqlite/client"),
    import("@prisma/adapter-libsql"),
  ]);
  const adapter = new PrismaLibSQL({ url: DATABASE_URL });
  const client = new PrismaClient({ adapter });
  // WAL lets readers proceed during a write; busy_timeout makes a second process wait instead of failing.
  await client.$queryRawUnsafe("PRAGMA journal_mode = WAL");
  await client.$queryRawUnsafe("PRAGMA busy_timeout = 5000");
  // A 64 MB page cache instead of 2 MB: a million-member directory answers several times faster
  // (bench/directory.ts).
  await client.$queryRawUnsafe("PRAGMA cache_size = -65536");
  // Keeps the query planner's statistics fresh as tables grow, as SQLite advises for long-lived
  // connections; best effort (another writer may hold the lock). The first statistics come from the
  // launcher (refreshStatistics), once per start.
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

/**
 * Table statistics for SQLite's query planner: without them a city search over a million members
 * took 1.3 s instead of 1 ms (bench/directory.ts). Sampled, so ~10 ms at a million members. Run by
 * the launcher alone, before the services start: ANALYZE writes, and several processes opening the
 * database at once would trip over each other's locks.
 */
export async function refreshStatistics(client: Db): Promise<void> {
  if (env().dbKind !== "sqlite") return;
  await client.$queryRawUnsafe("PRAGMA analysis_limit = 1000");
  await client.$executeRawUnsafe("ANALYZE");
}
