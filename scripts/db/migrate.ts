import fs from "node:fs";
import { env } from "../../lib/env";
import { prisma } from "./prisma";

/** Applies committed migrations to the configured database (never `db push`). */
export function migrate(): void {
  const e = env();
  if (e.dbKind === "sqlite") fs.mkdirSync(e.dataDir, { recursive: true });
  prisma(["migrate", "deploy"], { env: { DATABASE_URL: e.DATABASE_URL }, quiet: true });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  migrate();
  console.log(`migrations applied (${env().dbKind})`);
}
