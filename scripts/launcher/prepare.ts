import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { childProcessEnv } from "../../lib/env";

export const root = path.resolve(import.meta.dirname, "../..");

/** Secrets generated on first start and kept in the data folder (mode 600). */
export function ensureSecrets(dataDir: string): void {
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  // A folder made before modes were set (or by hand) is tightened too: it holds the database and secrets.
  try {
    fs.chmodSync(dataDir, 0o700);
  } catch (err) {
    console.warn(`could not make ${dataDir} private (mode 700): ${(err as Error).message}`);
  }
  const file = path.join(dataDir, "secrets.json");
  let secrets: Record<string, string> = {};
  try {
    secrets = JSON.parse(fs.readFileSync(file, "utf8"));
  } catch {
    /* first start */
  }
  let changed = false;
  for (const key of ["AUTH_SECRET", "PRESENCE_SECRET", "LIVEKIT_API_SECRET"]) {
    if (!secrets[key]) {
      secrets[key] = randomBytes(36).toString("base64url");
      changed = true;
    }
  }
  if (changed) fs.writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
}

const BUILD_INPUTS = [
  "app",
  "components",
  "lib",
  "public",
  "proxy.ts",
  "next.config.js",
  "postcss.config.mjs",
  "package-lock.json",
  "tsconfig.json",
];

function newestMtime(p: string): number {
  let st: fs.Stats;
  try {
    st = fs.statSync(p);
  } catch {
    return 0;
  }
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const entry of fs.readdirSync(p)) {
    if (entry === "generated" || entry === "node_modules") continue;
    newest = Math.max(newest, newestMtime(path.join(p, entry)));
  }
  return newest;
}

/** A production build is needed when there is none or a source file is newer than it. */
export function needsBuild(): boolean {
  const id = path.join(root, ".next/BUILD_ID");
  if (!fs.existsSync(id)) return true;
  const built = fs.statSync(id).mtimeMs;
  return BUILD_INPUTS.some((p) => newestMtime(path.join(root, p)) > built);
}

export function build(): void {
  console.log("building the web app (next build)…");
  const res = spawnSync(path.join(root, "node_modules/.bin/next"), ["build"], {
    cwd: root,
    stdio: "inherit",
    env: childProcessEnv({ NEXT_TELEMETRY_DISABLED: "1" }),
  });
  if (res.status !== 0) throw new Error("next build failed");
}

export function ensureGeneratedClients(): void {
  if (
    fs.existsSync(path.join(root, "lib/db/generated/sqlite/client.ts")) &&
    fs.existsSync(path.join(root, "lib/db/generated/postgres/client.ts"))
  )
    return;
  const res = spawnSync(process.execPath, ["--import", "tsx", "scripts/db/generate.ts"], { cwd: root, stdio: "inherit" });
  if (res.status !== 0) throw new Error("prisma generate failed");
}
