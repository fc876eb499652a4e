import path from "node:path";
import { defineConfig } from "prisma/config";
import { migrateTarget } from "./scripts/db/target";

// Migrations run on Prisma's WebAssembly schema engine through a driver adapter,
// so the CLI never needs a native engine binary (none can be downloaded here).
const target = migrateTarget();

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", target.schemaDir, "schema.prisma"),
  migrations: { path: path.join("prisma", target.schemaDir, "migrations") },
  async adapter() {
    return target.adapter();
  },
});
