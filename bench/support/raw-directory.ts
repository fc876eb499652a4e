import { createRequire } from "node:module";
import type { Prisma } from "../../lib/db/generated/sqlite/client";
import { directoryQuerySchema, firstPageSql, PAGE_SIZE } from "../../lib/directory/search-members";

/**
 * The directory's baseline: the SQL a first page runs (lib/directory/search-members.ts, firstPageSql,
 * the rows' status facts included) straight through the database driver — better-sqlite3 with the
 * portal's page cache, or pg — on the same database, with no HTTP, session, rules or JSON around it.
 */
export type RawDirectory = { page(query: string): Promise<number>; close(): Promise<void> };

const require = createRequire(import.meta.url);

/** SQLite values as Prisma's better-sqlite3 adapter writes them (ISO 8601 text, booleans as 1/0). */
function sqliteValue(v: unknown): unknown {
  if (v instanceof Date) return v.toISOString().replace("Z", "+00:00");
  if (typeof v === "boolean") return v ? 1 : 0;
  return v;
}

export async function rawDirectory(kind: "sqlite" | "postgres", databaseUrl: string): Promise<RawDirectory> {
  let run: (sql: Prisma.Sql) => Promise<number>;
  let close: () => Promise<void>;
  if (kind === "sqlite") {
    const Database = require("better-sqlite3") as typeof import("better-sqlite3");
    const conn = new Database(databaseUrl.replace(/^file:/, ""), { readonly: true });
    conn.pragma("cache_size = -65536");
    run = async (sql) => conn.prepare(sql.sql).all(...sql.values.map(sqliteValue)).length;
    close = async () => void conn.close();
  } else {
    const { Client } = require("pg") as typeof import("pg");
    const client = new Client({ connectionString: databaseUrl });
    await client.connect();
    run = async (sql) => (await client.query(sql.text, sql.values as unknown[])).rowCount ?? 0;
    close = () => client.end();
  }
  return {
    async page(query) {
      const q = directoryQuerySchema.parse(Object.fromEntries(new URLSearchParams(query)));
      const { first, rest } = firstPageSql(q, new Date());
      const n = await run(first);
      // As the route: the rest of the page from those not online, when the online ones did not fill it.
      return rest && n <= PAGE_SIZE ? n + (await run(rest(n))) : n;
    },
    close,
  };
}
