/**
 * `npm start`: prepares and starts every process of the portal on its embedded
 * defaults, watches them and stops them together.
 *   --dev        Next.js in development mode (no build)
 *   --no-build   use the existing production build as it is
 *   --no-seed    skip the demo data
 *   --prepare-only  secrets, migrations and (where asked) the demo data, then exit
 */
import { spawnSync } from "node:child_process";
import path from "node:path";
import { deploymentCheck, env, resetEnvForTests } from "../lib/env";
import { disconnectDb } from "../lib/db/client";
import { migrate } from "./db/migrate";
import { build, ensureGeneratedClients, ensureSecrets, needsBuild, root } from "./launcher/prepare";
import { ensureLivekitBinary, writeLivekitConfig } from "./launcher/livekit";
import { httpOk, portFree, Supervisor, waitFor } from "./launcher/supervisor";

const flags = new Set(process.argv.slice(2));
const dev = flags.has("--dev");

// Everything the portal writes under DATA_DIR (database, recordings, outbox, secrets) is the
// operator's alone: files 0600, folders 0700, in this process and the children it starts.
process.umask(0o077);

ensureSecrets(env().dataDir);
resetEnvForTests();
const e = env();
const webUrl = `http://localhost:${e.PORT}`;

// Decided on the operator's own NODE_ENV, before the children get NODE_ENV=production.
const deployment = deploymentCheck(e);
if (deployment.problems.length) {
  console.error(
    `This is a deployment (${deployment.reason}), and its secrets are not fit for one:\n` +
      deployment.problems.map((p) => `  - ${p}`).join("\n") +
      "\nSet them in the environment (e.g. `openssl rand -base64 36` for each secret); see README, Configuration.",
  );
  process.exit(1);
}

ensureGeneratedClients();
migrate();
{
  const { db } = await import("../lib/db/client");
  const { backfillSearchKeys } = await import("../lib/directory/backfill-search-keys");
  const n = await backfillSearchKeys(await db());
  if (n) console.log(`search keys filled for ${n} members`);
}
console.log(`database ready (${e.dbKind}${e.dbKind === "sqlite" ? `: ${path.relative(root, e.DATABASE_URL.slice(5))}` : ""})`);
const seedDemo = deployment.seedDemo && !flags.has("--no-seed");
if (seedDemo) {
  const { seed } = await import("../prisma/seed");
  const r = await seed();
  console.log(r.skipped ? "demo data already loaded" : `demo data loaded: ${r.created} members`);
} else if (deployment.deployed && !flags.has("--no-seed")) {
  console.log("demo data not loaded (a deployment; SEED_DEMO=1 loads the demo members and their published password)");
}
await disconnectDb();
if (flags.has("--prepare-only")) process.exit(0);
if (!dev && !flags.has("--no-build") && needsBuild()) build();

const childEnv: Record<string, string> = {
  NODE_ENV: dev ? "development" : "production",
  NEXTAUTH_URL: e.PUBLIC_URL,
  AUTH_SECRET: e.AUTH_SECRET,
  NEXTAUTH_SECRET: e.AUTH_SECRET,
  PRESENCE_SECRET: e.PRESENCE_SECRET,
  NEXT_TELEMETRY_DISABLED: "1",
};

// A leftover portal on the same ports would answer the health checks below in our place.
const ports: [string, number][] = [
  ["web", e.PORT],
  ["presence", e.PRESENCE_PORT],
  ...(e.livekitEmbedded ? [["LiveKit", e.LIVEKIT_PORT] as [string, number]] : []),
];
for (const [name, port] of ports) {
  if (!(await portFree(port, name === "web" ? e.HOST : name === "presence" ? e.PRESENCE_HOST : "127.0.0.1"))) {
    console.error(
      `port ${port} (${name}) is already in use: is another portal still running? Stop it, or choose other ports (see README, Configuration).`,
    );
    process.exit(1);
  }
}

const supervisor = new Supervisor();
let shuttingDown = false;
async function shutdown(code: number) {
  if (shuttingDown) return;
  shuttingDown = true;
  console.log("stopping the portal…");
  await supervisor.stopAll();
  process.exit(code);
}
supervisor.onFatal = (reason) => {
  console.error(reason);
  void shutdown(1);
};
process.on("SIGINT", () => void shutdown(0));
process.on("SIGTERM", () => void shutdown(0));

supervisor.start({
  name: "web",
  command: process.execPath,
  args: ["--import", "tsx", "server/web.ts", ...(dev ? ["--dev"] : [])],
  cwd: root,
  env: childEnv,
});

supervisor.start({
  name: "presence",
  command: process.execPath,
  args: ["--import", "tsx", "server/presence/main.ts"],
  cwd: root,
  env: childEnv,
});

// Media: our own LiveKit server unless LIVEKIT_URL names one. Without it calls fail, everything else works.
let media = `LiveKit: ${e.LIVEKIT_URL} (yours)`;
const checks: [string, () => Promise<boolean>, number][] = [
  ["the web server", () => httpOk(`http://127.0.0.1:${e.PORT}/api/health`), dev ? 180_000 : 60_000],
  ["the presence server", () => httpOk(`${e.PRESENCE_INTERNAL_URL}/health`), 60_000],
];
if (e.livekitEmbedded) {
  const lk = ensureLivekitBinary(e);
  if ("error" in lk) {
    media = "LiveKit: not running, so calls cannot connect";
    console.warn(`\n  ${lk.error}\n`);
  } else {
    supervisor.start({ name: "livekit", command: lk.bin, args: ["--config", writeLivekitConfig(e)], cwd: root });
    checks.push(["the LiveKit server", () => httpOk(`${e.livekitApiUrl}/`), 60_000]);
    media = `LiveKit: ${e.LIVEKIT_URL} (local, dev mode)`;
  }
}

// Recorded messages are finalized with ffmpeg; without it everything else works and uploads say why not.
const ffmpeg =
  spawnSync("ffmpeg", ["-version"], { stdio: "ignore" }).status === 0 &&
  spawnSync("ffprobe", ["-version"], { stdio: "ignore" }).status === 0;
if (!ffmpeg) console.warn("\n  ffmpeg (and ffprobe) not found: messages cannot be finalized. Install it: apt-get install -y ffmpeg\n");

const ready = await Promise.all(checks.map(([, check, timeout]) => waitFor(check, timeout)));
const late = checks.filter((_, i) => !ready[i]).map(([name]) => name);
if (late.length) {
  console.error(`${late.join(" and ")} did not become ready in time`);
  await shutdown(1);
}
console.log(`
  Portal is running: open ${webUrl}
  Presence server: ${e.PRESENCE_PUBLIC_URL} (${e.REDIS_URL ? "Redis bus" : "embedded bus"})
  ${media}
  Mailbox: ${e.SMTP_URL ? "email notices by SMTP" : `email notices written to ${path.relative(root, path.join(e.dataDir, "outbox")) || "."}/*.eml`}${ffmpeg ? "" : " (ffmpeg missing: messages cannot be finalized)"}
${seedDemo ? "  Demo sign-in: ada@example.org (or any demo member) / portal-demo-2026\n" : ""}  Stop with Ctrl+C.
`);
