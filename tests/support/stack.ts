import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { childProcessEnv } from "../../lib/env";
import { STACK_CLOCKS } from "./clocks";
import { testEnv } from "./test-env";

const root = path.resolve(import.meta.dirname, "../..");

export type Stack = { url: string; databaseUrl: string; dataDir: string; stop: () => Promise<void>; log: () => string };

/** A fresh database: a SQLite file in a new folder, or a new database on the test PostgreSQL server. */
export function freshDatabase(kind: "sqlite" | "postgres", dataDir: string): string {
  if (kind === "sqlite") return `file:${path.join(dataDir, "portal.db")}`;
  const res = spawnSync(path.join(root, "scripts/pg-local.sh"), ["start"], { encoding: "utf8" });
  if (res.status !== 0) throw new Error(`could not start PostgreSQL: ${res.stderr}`);
  return res.stdout.trim();
}

/**
 * Starts the whole portal through the real launcher (`npm start` without the
 * build step) on its own port, data folder and database, and waits until ready.
 */
export async function startStack(opts: {
  port: number;
  db?: "sqlite" | "postgres";
  databaseUrl?: string;
  env?: Record<string, string>;
}): Promise<Stack> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "portal-test-"));
  const databaseUrl = opts.databaseUrl ?? freshDatabase(opts.db ?? "sqlite", dataDir);
  const url = `http://localhost:${opts.port}`;
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", "scripts/launch.ts", "--no-build"], {
    cwd: root,
    env: childProcessEnv({
      PORT: String(opts.port),
      PUBLIC_URL: url,
      DATA_DIR: dataDir,
      DATABASE_URL: databaseUrl,
      // Tests stand in for many people at once: each sends its own x-forwarded-for.
      TRUST_PROXY: "1",
      // Each stack its own presence and LiveKit ports, so stacks can run side by side.
      PRESENCE_PORT: String(opts.port + 1000),
      LIVEKIT_PORT: String(opts.port + 4000),
      LIVEKIT_RTC_TCP_PORT: String(opts.port + 4100),
      LIVEKIT_RTC_UDP_PORT: String(opts.port + 4200),
      CALL_RING_SECONDS: String(STACK_CLOCKS.CALL_RING_SECONDS),
      MALL_AGENT_RING_SECONDS: String(STACK_CLOCKS.MALL_AGENT_RING_SECONDS),
      MESSAGE_DIGEST_AFTER_SECONDS: String(STACK_CLOCKS.MESSAGE_DIGEST_AFTER_SECONDS),
      ...opts.env,
    }),
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let log = "";
  const collect = (b: Buffer) => {
    log += b.toString();
    if (testEnv().STACK_LOG) process.stderr.write(b);
  };
  child.stdout?.on("data", collect);
  child.stderr?.on("data", collect);
  const ready = await new Promise<boolean>((resolve) => {
    const timer = setTimeout(() => resolve(false), 240_000);
    child.on("exit", () => {
      clearTimeout(timer);
      resolve(false);
    });
    const check = setInterval(() => {
      if (log.includes("Portal is running")) {
        clearInterval(check);
        clearTimeout(timer);
        resolve(true);
      }
    }, 100);
  });
  const stop = async () => {
    if (child.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      child.once("exit", () => resolve());
      try {
        process.kill(-child.pid!, "SIGTERM");
      } catch {
        resolve();
      }
      setTimeout(() => {
        try {
          process.kill(-child.pid!, "SIGKILL");
        } catch {
          /* gone */
        }
        resolve();
      }, 10_000);
    });
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  if (!ready) {
    await stop();
    throw new Error(`the portal did not start:\n${log.slice(-4000)}`);
  }
  return { url, databaseUrl, dataDir, stop, log: () => log };
}
