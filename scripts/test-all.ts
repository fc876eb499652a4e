/**
 * `npm test`: every test, on both databases.
 *   1. at once: type check, lint, format check, unit tests, the Go-built servers (LiveKit, the
 *      fake S3) and the production build;
 *   2. SQLite and PostgreSQL, each on its own stack (ports, data folder, database) running the real
 *      portal: SQLite's Playwright end-to-end tests while PostgreSQL's integration tests run, then
 *      PostgreSQL's end-to-end tests while SQLite's integration tests run (each spec on one
 *      database, see SPECS).
 * SKIP_POSTGRES=1 runs SQLite only (and says so); CI never sets it.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { type Stack, startStack } from "../tests/support/stack";
import { childProcessEnv } from "../lib/env";
import { testEnv } from "../tests/support/test-env";
import { needsBuild } from "./launcher/prepare";

const root = path.resolve(import.meta.dirname, "..");
const bin = (name: string) => path.join(root, "node_modules/.bin", name);
// eslint-disable-next-line no-control-regex -- terminal colours are escape sequences
const ANSI = /\x1b\[[0-9;]*m/g;

type Tally = { passed: number; failed: number; skipped: number };
const total: Tally = { passed: 0, failed: 0, skipped: 0 };
const failures: string[] = [];
const timings: string[] = [];
const started = Date.now();

const seconds = (ms: number) => `${Math.round(ms / 1000)} s`;

/** Runs one step; its output is streamed with a prefix when steps run side by side. */
function run(label: string, cmd: string, args: string[], opts: { env?: Record<string, string>; prefix?: string } = {}): Promise<string> {
  const prefix = opts.prefix ?? "";
  console.log(`\n${prefix}── ${label} ──`);
  const t0 = Date.now();
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: root, env: childProcessEnv(opts.env), stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    const tee = (stream: NodeJS.WriteStream) => {
      let partial = "";
      return (b: Buffer) => {
        const text = b.toString();
        out += text;
        if (!prefix) return void stream.write(b);
        const lines = (partial + text).split("\n");
        partial = lines.pop() ?? "";
        for (const l of lines) stream.write(`${prefix}${l}\n`);
      };
    };
    child.stdout.on("data", tee(process.stdout));
    child.stderr.on("data", tee(process.stderr));
    child.on("exit", (code) => {
      if (code !== 0) failures.push(`${label} (exit ${code})`);
      timings.push(`${label}: ${seconds(Date.now() - t0)}`);
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

type Pass = { db: "sqlite" | "postgres"; prefix: string; stack: Stack; env: Record<string, string> };

/** Each database its own stack (ports, data folder, database), started side by side. */
async function startPass(db: Pass["db"], port: number): Promise<Pass | null> {
  const prefix = `[${db}] `;
  try {
    const stack = await startStack({ port, db });
    return { db, prefix, stack, env: { BASE_URL: stack.url, DATABASE_URL: stack.databaseUrl, STACK_DATA_DIR: stack.dataDir } };
  } catch (err) {
    failures.push(`start the portal on ${db}: ${(err as Error).message.split("\n")[0]}`);
    console.error(err);
    return null;
  }
}

/** Runs one phase of a pass; when it fails, shows the error lines of the servers' own output. */
async function phase(pass: Pass, body: () => Promise<void>): Promise<void> {
  const failedBefore = failures.length;
  await body();
  if (failures.length > failedBefore && /error|fail/i.test(pass.stack.log())) {
    const lines = pass.stack
      .log()
      .split("\n")
      .filter((l) => /error|fail|warn/i.test(l));
    console.log(`\n── server log (${pass.db}), error lines ──\n${lines.slice(-40).join("\n")}`);
  }
}

const integration = (p: Pass) =>
  phase(p, async () => countVitest(await run(`integration tests (${p.db})`, bin("vitest"), ["run", "--project", "integration"], p)));

/**
 * Each spec runs on one database, chosen to balance the two passes: what a spec drives in the
 * browser (live video, presence, pages) does not depend on the database, whose side of it the
 * integration tests check on both. Running every spec twice cost minutes of the 20 CI may take.
 * A new spec must be placed here (the run refuses an unplaced one). SKIP_POSTGRES runs them all on
 * SQLite.
 */
const SPECS: Record<Pass["db"], string[]> = {
  sqlite: [
    "calls.spec.ts",
    "call-conditions.spec.ts",
    "calls-reload.spec.ts",
    "mall-owner.spec.ts",
    "csp.spec.ts",
    "accounts.spec.ts",
    "messages.spec.ts",
    "contacts.spec.ts",
  ],
  postgres: [
    "mailbox.spec.ts",
    "mall-calls.spec.ts",
    "mall-sign-review.spec.ts",
    "group-room.spec.ts",
    "mall.spec.ts",
    "call-routing.spec.ts",
    "routing-settings.spec.ts",
    "groups.spec.ts",
    "register-vanity.spec.ts",
    "directory-presence.spec.ts",
    "pages-a11y.spec.ts",
  ],
};

function specsFor(db: Pass["db"], alone: boolean): string[] {
  const all = fs.readdirSync(path.join(root, "e2e")).filter((f) => f.endsWith(".spec.ts"));
  const placed = [...SPECS.sqlite, ...SPECS.postgres];
  for (const f of placed) if (!all.includes(f)) throw new Error(`SPECS names e2e/${f}, which does not exist`);
  const unplaced = all.filter((f) => !placed.includes(f));
  if (unplaced.length) throw new Error(`place ${unplaced.join(", ")} in SPECS (scripts/test-all.ts): which database's pass runs it`);
  return (alone ? all : SPECS[db]).map((f) => `e2e/${f}`);
}

// Each pass its own results folder: Playwright empties it when it starts.
const endToEnd = (p: Pass, alone: boolean) =>
  phase(p, async () =>
    countPlaywright(
      await run(`end-to-end tests (${p.db})`, bin("playwright"), ["test", "--output", `test-results/${p.db}`, ...specsFor(p.db, alone)], p),
    ),
  );

async function main() {
  const t = testEnv();
  if (!fs.existsSync(t.CHROMIUM_PATH)) {
    console.error(`Chromium not found at ${t.CHROMIUM_PATH}: apt-get install -y chromium-headless-shell (or set CHROMIUM_PATH)`);
    process.exit(1);
  }

  // The checks that need no server, the Go builds and the production build share the cores.
  const tsx = [path.join(root, "node_modules/tsx/dist/cli.mjs")];
  const nextBuild = needsBuild()
    ? run("next build", bin("next"), ["build"], { prefix: "[build] ", env: { NEXT_TELEMETRY_DISABLED: "1" } })
    : Promise.resolve("");
  const [, , , unit] = await Promise.all([
    run("type check", bin("tsc"), ["--noEmit"], { prefix: "[types] " }),
    run("lint", bin("eslint"), ["--max-warnings", "0", "."], { prefix: "[lint] " }),
    run("format", bin("prettier"), ["--check", "--log-level", "warn", "."], { prefix: "[format] " }),
    run("unit tests", bin("vitest"), ["run", "--project", "unit"], { prefix: "[unit] " }),
    run("servers built with Go (LiveKit, fake S3)", process.execPath, [...tsx, "scripts/build-go-servers.ts"], { prefix: "[go] " }),
    nextBuild,
  ]);
  countVitest(unit);
  // Without the build or the servers there is nothing to test end to end.
  if (failures.some((f) => f.startsWith("servers built with Go") || f.startsWith("next build"))) return finish();

  const databases: Pass["db"][] = t.SKIP_POSTGRES ? ["sqlite"] : ["sqlite", "postgres"];
  if (databases.length === 1) console.log("\nSKIP_POSTGRES=1: PostgreSQL runs are skipped");
  const passes = (await Promise.all(databases.map((db, i) => startPass(db, 3400 + i)))).filter((p) => p !== null);
  try {
    // Each database's end-to-end tests run while the other database's integration tests do: the
    // integration tests wait on servers more than they compute (about a third of two cores), while
    // two end-to-end passes side by side starved each other's video calls (tried 2026-12-02: one
    // failure, and 776 s against 889 s one after the other). Never both phases on one stack: their
    // members, shops and rate limits would meet.
    if (passes.length === 1) {
      await integration(passes[0]!);
      await endToEnd(passes[0]!, true);
    } else {
      const [a, b] = passes as [Pass, Pass];
      await Promise.all([endToEnd(a, false), integration(b)]);
      await Promise.all([endToEnd(b, false), integration(a)]);
    }
  } finally {
    await Promise.all(passes.map((p) => p.stack.stop()));
  }
  finish();
}

function finish(): never {
  console.log(`\ntimings (wall, ${seconds(Date.now() - started)} in all):\n  ${timings.join("\n  ")}`);
  if (failures.length) console.log(`failed steps:\n  ${failures.join("\n  ")}`);
  // The one closing line CI reads.
  console.log(`${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ""}`);
  process.exit(failures.length || total.failed ? 1 : 0);
}

await main();
