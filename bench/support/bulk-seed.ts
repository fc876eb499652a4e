/**
 * Loads a million members (and their ~14 million search-index rows) in minutes, for benchmarks only:
 * multi-row INSERTs with literal values, secondary indexes dropped during the load and rebuilt after,
 * which is how one bulk-loads any SQL database. The portal itself never writes this way.
 */
import type { Db } from "../../lib/db/client";

type Row = (string | number | boolean | Date)[];
type Kind = "sqlite" | "postgres";

const TABLES = ["Member", "MemberNameWord", "PhoneNumber", "NumberSuffix"];

function literal(v: Row[number], kind: Kind): string {
  if (typeof v === "number") return String(v);
  if (typeof v === "boolean") return kind === "sqlite" ? (v ? "1" : "0") : v ? "TRUE" : "FALSE";
  // Prisma's SQLite adapter stores DateTime as ISO text with an explicit offset.
  if (v instanceof Date) return kind === "sqlite" ? `'${v.toISOString().replace("Z", "+00:00")}'` : `'${v.toISOString()}'`;
  return `'${v.replace(/'/g, "''")}'`;
}

export async function insertRows(client: Db, kind: Kind, table: string, columns: string[], rows: Row[]): Promise<void> {
  const CHUNK = 5000;
  for (let i = 0; i < rows.length; i += CHUNK) {
    const values = rows
      .slice(i, i + CHUNK)
      .map((r) => `(${r.map((v) => literal(v, kind)).join(",")})`)
      .join(",");
    await client.$executeRawUnsafe(`INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(",")}) VALUES ${values}`);
  }
}

/** Drops the secondary indexes of the search tables and returns the statements that rebuild them. */
export async function dropSecondaryIndexes(client: Db, kind: Kind): Promise<string[]> {
  const list = TABLES.map((t) => `'${t}'`).join(",");
  const rows =
    kind === "sqlite"
      ? await client.$queryRawUnsafe<{ name: string; sql: string }[]>(
          `SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (${list})`,
        )
      : await client.$queryRawUnsafe<{ name: string; sql: string }[]>(
          `SELECT indexname::text AS name, indexdef AS sql FROM pg_indexes WHERE schemaname = current_schema() AND tablename IN (${list}) AND indexname NOT LIKE '%_pkey'`,
        );
  for (const r of rows) await client.$executeRawUnsafe(`DROP INDEX "${r.name}"`);
  return rows.map((r) => r.sql);
}

export async function prepareBulkLoad(client: Db, kind: Kind): Promise<() => Promise<void>> {
  if (kind === "sqlite") {
    // This benchmark connection only: no fsync and a big page cache while loading.
    await client.$queryRawUnsafe("PRAGMA synchronous = OFF");
    await client.$queryRawUnsafe("PRAGMA cache_size = -1000000");
  } else {
    await client.$executeRawUnsafe("SET synchronous_commit = OFF");
  }
  const rebuild = await dropSecondaryIndexes(client, kind);
  return async () => {
    if (kind === "postgres") await client.$executeRawUnsafe("SET maintenance_work_mem = '1GB'");
    for (const sql of rebuild) await client.$executeRawUnsafe(sql);
    await client.$executeRawUnsafe(kind === "sqlite" ? "ANALYZE" : "VACUUM ANALYZE");
  };
}
