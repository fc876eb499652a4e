import { spawnSync } from "node:child_process";
import path from "node:path";
import { childProcessEnv } from "../../lib/env";

const root = path.resolve(import.meta.dirname, "../..");

/**
 * Runs the Prisma CLI. Both engine variables point at an existing file so the
 * CLI never tries to download native engines: schema work runs on the
 * WebAssembly engine through prisma.config.ts's driver adapter.
 */
export function prisma(args: string[], opts: { env?: Record<string, string>; quiet?: boolean } = {}): void {
  const bin = path.join(root, "node_modules/.bin/prisma");
  const res = spawnSync(bin, args, {
    cwd: root,
    stdio: opts.quiet ? ["ignore", "pipe", "pipe"] : "inherit",
    env: childProcessEnv({
      ...opts.env,
      PRISMA_SCHEMA_ENGINE_BINARY: process.execPath,
      PRISMA_QUERY_ENGINE_LIBRARY: process.execPath,
      PRISMA_HIDE_UPDATE_MESSAGE: "1",
      CHECKPOINT_DISABLE: "1",
    }),
    encoding: "utf8",
  });
  if (res.status !== 0) {
    if (opts.quiet) process.stderr.write(`${res.stdout ?? ""}${res.stderr ?? ""}`);
    throw new Error(`prisma ${args.join(" ")} failed (exit ${res.status})`);
  }
}
