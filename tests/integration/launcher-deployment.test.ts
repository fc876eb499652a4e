import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { childProcessEnv } from "../../lib/env";

const root = path.resolve(import.meta.dirname, "../..");
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

/** The real launcher up to its processes (`--prepare-only`), on a fresh SQLite folder. */
function prepare(vars: Record<string, string>) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "portal-deploy-"));
  dirs.push(dataDir);
  // A folder made with default modes, as an operator's `mkdir data` would be.
  fs.chmodSync(dataDir, 0o755);
  const res = spawnSync(process.execPath, ["--import", "tsx", "scripts/launch.ts", "--prepare-only"], {
    cwd: root,
    encoding: "utf8",
    env: childProcessEnv({
      DATA_DIR: dataDir,
      DATABASE_URL: `file:${path.join(dataDir, "portal.db")}`,
      NODE_ENV: "test",
      REDIS_URL: undefined,
      SEED_DEMO: undefined,
      AUTH_SECRET: undefined,
      PRESENCE_SECRET: undefined,
      LIVEKIT_URL: undefined,
      LIVEKIT_API_KEY: undefined,
      LIVEKIT_API_SECRET: undefined,
      ...vars,
    }),
    timeout: 120_000,
  });
  return { ...res, dataDir, out: res.stdout + res.stderr };
}

const own = {
  AUTH_SECRET: "a1".repeat(20),
  PRESENCE_SECRET: "b2".repeat(20),
  LIVEKIT_URL: "wss://lk.example.com",
  LIVEKIT_API_KEY: "prod-key",
  LIVEKIT_API_SECRET: "c3".repeat(20),
};

describe("the launcher on a public address", () => {
  it("refuses generated or built-in secrets with a clear message", () => {
    const r = prepare({ PUBLIC_URL: "https://portal.example.com" });
    expect(r.status).toBe(1);
    expect(r.out).toMatch(/This is a deployment \(PUBLIC_URL https:\/\/portal\.example\.com\/? is not loopback\)/);
    expect(r.out).toMatch(/AUTH_SECRET must be set/);
    expect(r.out).toMatch(/LIVEKIT_API_KEY \(not "portal"\)/);
  });

  it("starts without the demo members, and keeps DATA_DIR to the operator (0700 folders, 0600 files)", () => {
    const r = prepare({ PUBLIC_URL: "https://portal.example.com", ...own });
    expect(r.out).toMatch(/demo data not loaded/);
    expect(r.status).toBe(0);
    const sqlite = new Database(path.join(r.dataDir, "portal.db"), { readonly: true });
    expect(sqlite.prepare(`SELECT COUNT(*) AS n FROM "Member"`).get()).toEqual({ n: 0 });
    sqlite.close();
    expect(fs.statSync(r.dataDir).mode & 0o777).toBe(0o700);
    for (const f of fs.readdirSync(r.dataDir)) {
      const st = fs.statSync(path.join(r.dataDir, f));
      expect(st.mode & 0o077, f).toBe(0);
    }
  });
});
