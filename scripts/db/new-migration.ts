/**
 * Writes a new migration for SQLite and PostgreSQL from the change to
 * prisma/schema.prisma since the last commit (or since --from <git-ref>):
 *   npm run db:new-migration -- add_presence [--from HEAD~2]
 * `migrate dev` cannot run on the WebAssembly engine, so this diffs the two
 * schema files with `migrate diff`, which needs no database.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { prisma } from "./prisma";

const root = path.resolve(import.meta.dirname, "../..");
const args = process.argv.slice(2);
const fromAt = args.indexOf("--from");
const fromRef = fromAt >= 0 ? args[fromAt + 1] : "HEAD";
const name = args.find((a, i) => !a.startsWith("--") && (fromAt < 0 || i !== fromAt + 1));
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("usage: npm run db:new-migration -- <snake_case_name> [--from <git-ref>]");
  process.exit(2);
}

/** The CLI connects through the adapter even for a file-to-file diff on PostgreSQL: give it a scratch database. */
function scratchPostgres(): string {
  return execFileSync(path.join(root, "scripts/pg-local.sh"), ["start"], { encoding: "utf8" }).trim();
}

await import("./gen-postgres-schema");
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "migration-"));

for (const [dir, url] of [
  ["prisma", "file:unused.db"],
  ["prisma/postgres", scratchPostgres()],
] as const) {
  const oldSchema = path.join(tmp, `${dir.replace("/", "-")}.prisma`);
  fs.writeFileSync(oldSchema, execFileSync("git", ["show", `${fromRef}:${dir}/schema.prisma`], { cwd: root }));
  const out = path.join(root, dir, "migrations", `${stamp}_${name}`);
  fs.mkdirSync(out, { recursive: true });
  const sqlFile = path.join(out, "migration.sql");
  prisma(
    [
      "migrate",
      "diff",
      "--from-schema-datamodel",
      oldSchema,
      "--to-schema-datamodel",
      path.join(dir, "schema.prisma"),
      "--script",
      "--output",
      sqlFile,
    ],
    {
      env: { DATABASE_URL: url },
      quiet: true,
    },
  );
  console.log(`wrote ${path.relative(root, sqlFile)}`);
}
