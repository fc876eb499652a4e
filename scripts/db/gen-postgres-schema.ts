import fs from "node:fs";
import path from "node:path";

// One source of truth: the PostgreSQL schema is the SQLite one with its provider
// and output swapped. Run by `npm run db:generate`; the result is committed.
const root = path.resolve(import.meta.dirname, "../..");
const src = fs.readFileSync(path.join(root, "prisma/schema.prisma"), "utf8");
const out = src
  .replace(
    /^\/\/ Source of truth[^\n]*\n\/\/[^\n]*\n/m,
    "// GENERATED from prisma/schema.prisma by scripts/db/gen-postgres-schema.ts: do not edit.\n",
  )
  .replace('provider = "sqlite"', 'provider = "postgresql"')
  .replace('url      = "file:unused"', 'url      = "postgresql://unused"')
  .replace('output          = "../lib/db/generated/sqlite"', 'output          = "../../lib/db/generated/postgres"');
if (out === src || !out.includes('"postgresql"') || !out.includes("generated/postgres")) {
  throw new Error("gen-postgres-schema: the expected lines were not found in prisma/schema.prisma");
}
fs.mkdirSync(path.join(root, "prisma/postgres"), { recursive: true });
fs.writeFileSync(path.join(root, "prisma/postgres/schema.prisma"), out);
console.log("wrote prisma/postgres/schema.prisma");
