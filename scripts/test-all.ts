/**
 * `npm test`: every test, on both databases.
 *   1. type check, 2. unit tests, 3. production build,
 *   4. for SQLite and then PostgreSQL: start the real portal, run the
 *      integration tests and the Playwright end-to-end tests against it.
 * SKIP_POSTGRES=1 runs SQLite only (and says so); CI never sets it.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { startStack } from "../tests/support/stack";
import { ensureFakeS3 } from "../tests/support/fake-s3";
import { childProcessEnv, env } from "../lib/env";
import { testEnv } from "../tests/support/test-env";
import { ensureLivekitBinary } from "./launcher/livekit";
import { build, needsBuild } from "./launcher/prepare";

const root = path.resolve(import.meta.dirname, "..");
const bin = (name: string) => path.join(root, "node_modules/.bin", name);
const ANSI = /\x1b\[[0-9;]*m/g;

type Tally = { passed: number; failed: number; skipped: number };
const total: Tally = { passed: 0, failed: 0, skipped: 0 };
const failures: string[] = [];

function run(label: string, cmd: string, args: string[], env: Record<string, string> = {}): Promise<string> {
  console.log(`\n── ${label} ──`);
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: root, env: childProcessEnv(env), stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    const tee = (b: Buffer, stream: NodeJS.WriteStream) => {
      out += b.toString();
      stream.write(b);
    };
    child.stdout.on("data", (b) => tee(b, process.stdout));
    child.stderr.on("data", (b) => tee(b, process.stderr));
    child.on("exit", (code) => {
      if (code !== 0) failures.push(`${label} (exit ${code})`);
      resolve(out.replace(ANSI, ""));
    });
  });
}

function countVitest(out: string) {
  const line = out.split("\n").find((l) => /^\s*Tests\s+/.test(l)) ?? "";
  total.passed += Number(/(\d+) passed/.exec(line)?.[1] ?? 0);
  total.failed += Number(/(\d+) failed/.exec(line)?.[1] ?? 0);
  total.skipped += Number(/(\d+) skipped/.exec(line)?.[1] ?? 0);
}

function countPlaywright(out: string) {
  total.passed += Number(/^\s*(\d+) passed/m.exec(out)?.[1] ?? 0);
  total.failed += Number(/^\s*(\d+) failed/m.exec(out)?.[1] ?? 0);
  total.skipped += Number(/^\s*(\d+) skipped/m.exec(out)?.[1] ?? 0);
}

async function main() {
  const chromium = testEnv().CHROMIUM_PATH;
  if (!fs.existsSync(chromium)) {
    console.error(`Chromium not found at ${chromium}: apt-get install -y chromium (or set CHROMIUM_PATH)`);
    process.exit(1);
  }

  await run("type check", bin("tsc"), ["--noEmit"]);
  countVitest(await run("unit tests", bin("vitest"), ["run", "--project", "unit"]));
  if (needsBuild()) build();
  // Calls need the real LiveKit server: build it once here rather than in every stack.
  const livekit = ensureLivekitBinary(env());
  if ("error" in livekit) {
    console.error(livekit.error);
    process.exit(1);
  }

  // An S3-compatible server for the object-storage tests, built the same way.
  ensureFakeS3();

  const databases: ("sqlite" | "postgres")[] = testEnv().SKIP_POSTGRES ? ["sqlite"] : ["sqlite", "postgres"];
  if (databases.length === 1) console.log("\nSKIP_POSTGRES=1: PostgreSQL runs are skipped");
  let port = 3400;
  for (const db of databases) {
    console.log(`\n══ ${db} ══`);
    let stack;
    try {
      stack = await startStack({ port: port++, db });
    } catch (err) {
      failures.push(`start the portal on ${db}: ${(err as Error).message.split("\n")[0]}`);
      console.error(err);
      continue;
    }
    const env = { BASE_URL: stack.url, DATABASE_URL: stack.databaseUrl, STACK_DATA_DIR: stack.dataDir };
    try {
      countVitest(await run(`integration tests (${db})`, bin("vitest"), ["run", "--project", "integration"], env));
      countPlaywright(await run(`end-to-end tests (${db})`, bin("playwright"), ["test"], env));
    } finally {
      // A failing phase often has its cause in the servers' own output: show the end of it.
      const failedBefore = failures.length;
      if (failedBefore && /error|fail/i.test(stack.log())) {
        const lines = stack.log().split("\n").filter((l) => /error|fail|warn/i.test(l));
        console.log(`\n── server log (${db}), error lines ──\n${lines.slice(-40).join("\n")}`);
      }
      await stack.stop();
    }
  }

  console.log("");
  if (failures.length) console.log(`failed steps:\n  ${failures.join("\n  ")}`);
  // The one closing line CI reads.
  console.log(`${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ""}`);
  process.exit(failures.length || total.failed ? 1 : 0);
}

await main();
