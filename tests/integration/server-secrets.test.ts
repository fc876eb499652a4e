import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, inject, it } from "vitest";
import { childProcessEnv } from "../../lib/env";
import { freePort } from "../support/free-port";

const root = path.resolve(import.meta.dirname, "../..");
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "portal-secrets-"));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

/** Starts a server process by hand (no launcher) and reports whether it exited or became ready; a ready one is stopped. */
function run(script: string, vars: Record<string, string>): Promise<{ code: number | null; ready: boolean; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", script], {
      cwd: root,
      env: childProcessEnv({
        DATA_DIR: dataDir,
        DATABASE_URL: inject("databaseUrl"),
        REDIS_URL: undefined,
        SEED_DEMO: undefined,
        HOST: "127.0.0.1",
        PRESENCE_HOST: "127.0.0.1",
        PUBLIC_URL: "http://localhost:3637",
        ...vars,
      }),
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    let ready = false;
    const collect = (b: Buffer) => {
      out += b.toString();
      if (!ready && /ready on/.test(out)) {
        ready = true;
        child.kill("SIGTERM");
      }
    };
    child.stdout.on("data", collect);
    child.stderr.on("data", collect);
    child.on("exit", (code) => resolve({ code, ready, out }));
  });
}

// Secrets of one's own for the parts not under test, so only the built-in one can be the reason.
const own = {
  AUTH_SECRET: "a1".repeat(20),
  PRESENCE_SECRET: "b2".repeat(20),
  LIVEKIT_URL: "wss://lk.example.com",
  LIVEKIT_API_KEY: "prod-key",
  LIVEKIT_API_SECRET: "c3".repeat(20),
};

describe("a server started by hand in production", () => {
  it("the web server refuses to start on the built-in session secret", async () => {
    const r = await run("server/web.ts", {
      ...own,
      NODE_ENV: "production",
      // A free port all the same: should the check ever let it start, it must not take another test's port.
      PORT: String(await freePort()),
      AUTH_SECRET: "development-only-secret-do-not-use-in-production",
    });
    expect(r.ready).toBe(false);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/AUTH_SECRET is a built-in development secret/);
  });

  it("the presence server refuses to start on the built-in presence secret", async () => {
    const r = await run("server/presence/main.ts", {
      ...own,
      NODE_ENV: "production",
      PRESENCE_PORT: String(await freePort()),
      PRESENCE_NODE_ID: "secrets-test",
      PRESENCE_SECRET: "development-only-presence-secret-not-for-production",
    });
    expect(r.ready).toBe(false);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/PRESENCE_SECRET is a built-in development secret/);
  });
});
