import { env } from "../../lib/env";

/** The pass's database (npm test runs every spec on SQLite and most on PostgreSQL too). */
export const onPostgres = env().dbKind === "postgres";

/**
 * Why a test runs on the SQLite pass only: what it drives in the browser does not depend on the
 * database, whose side of it the integration tests check on both (scripts/test-all.ts says more).
 */
export const SQLITE_PASS_ONLY = "runs in the SQLite pass only: the database's side is tested on both by the integration tests";
