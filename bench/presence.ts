/**
 * Presence nodes under load, against a bare Socket.IO server measured in the same run. One node on
 * SQLite with the embedded bus, or (--nodes 2) several nodes on PostgreSQL with Redis, where the
 * members change status on the first node and their watchers sit on the last, so every delivery
 * crosses nodes:
 *   - idle connections held, memory per connection, idle CPU;
 *   - time from a status change to every watcher seeing it, while changes flow;
 *   - after a crash and restart, the time until every client is back (the portal only).
 * The baseline (bench/support/bare-presence-server.ts: no auth, no database, one room per watched
 * member, emit on change) gets the same idle connections, watchers and change rate, on as many
 * processes; its fan-out runs within one process, since bare servers share nothing. The portal's
 * figures are also given as ratios to it.
 *   npx tsx bench/presence.ts [--connections 16000] [--procs 4] [--rate 1000] [--nodes 1] [--watchers 100] [--watcher-procs 2]
 * Client drivers are separate processes on 127.0.0.2, .3, … (20,000 open files per process here).
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { db, disconnectDb } from "../lib/db/client";
import { childProcessEnv, setEnvForTests } from "../lib/env";
import { memberTicket, type NodeHandle, startPresenceNode, TEST_PRESENCE_SECRET, until } from "../tests/support/presence";
import { measureFanout } from "./support/presence-fanout";

const arg = (n: string, d: string) => (process.argv.includes(`--${n}`) ? process.argv[process.argv.indexOf(`--${n}`) + 1]! : d);
const TOTAL = Number(arg("connections", "16000"));
const PROCS = Number(arg("procs", "4"));
const RATE = Number(arg("rate", "1000"));
const NODES = Number(arg("nodes", "1"));
const MEMBERS = 100;
const WATCHERS = Number(arg("watchers", "100"));
const WATCHER_PROCS = Number(arg("watcher-procs", "2"));
const root = path.resolve(import.meta.dirname, "..");
const per = Math.ceil(TOTAL / PROCS);

const rssKb = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0);
const cpuTicks = (pid: number) => {
  const f = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  return Number(f[11]) + Number(f[12]);
};
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
// During a reconnection storm the health request itself may be refused: count that as "not yet".
const health = async (url: string) =>
  (
    (await (await fetch(`${url}/health`, { signal: AbortSignal.timeout(5000) })).json().catch(() => ({ connections: 0 }))) as {
      connections: number;
    }
  ).connections;

/** Several nodes share PostgreSQL and a Redis of their own (Debian's redis-server). */
function startRedis(port: number): ChildProcess {
  return spawn("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], { stdio: "ignore" });
}

type Servers = { urls: string[]; pids: number[] };

async function startBare(port: number): Promise<NodeHandle> {
  const proc = spawn(process.execPath, ["--import", "tsx", "bench/support/bare-presence-server.ts", String(port)], {
    cwd: root,
    stdio: ["ignore", "pipe", "inherit"],
  });
  await new Promise<void>((resolve) => proc.stdout!.on("data", (b) => String(b).includes("ready") && resolve()));
  const kill = (sig: NodeJS.Signals = "SIGKILL") =>
    new Promise<void>((r) => (proc.exitCode !== null ? r() : (proc.once("exit", () => r()), proc.kill(sig))));
  return { url: `http://127.0.0.1:${port}`, nodeId: `bare-${port}`, proc, log: () => "", kill };
}

/** Idle connections from several processes and source addresses; memory and idle CPU with them. */
async function holdIdle(s: Servers) {
  await sleep(2000);
  const rssBefore = sum(s.pids.map(rssKb));
  const drivers: ChildProcess[] = [];
  const t0 = Date.now();
  for (let p = 0; p < PROCS; p++) {
    const args = [
      "--import",
      "tsx",
      "bench/presence-clients.ts",
      s.urls[p % s.urls.length]!,
      String(per),
      `127.0.0.${p + 2}`,
      TEST_PRESENCE_SECRET,
    ];
    drivers.push(spawn(process.execPath, args, { cwd: root, stdio: ["ignore", "ignore", "inherit"] }));
  }
  const connected = async () => sum(await Promise.all(s.urls.map((u) => health(u).catch(() => 0))));
  await until(
    async () => {
      const n = await connected();
      process.stderr.write(`  ${n} connected\n`);
      return n >= per * PROCS;
    },
    600_000,
    "every idle connection",
    2000,
  );
  const rampSeconds = (Date.now() - t0) / 1000;
  await sleep(5000);
  const rssAfter = sum(s.pids.map(rssKb));
  const c0 = sum(s.pids.map(cpuTicks));
  await sleep(20_000);
  // /proc counts clock ticks, 100 per second on Linux.
  const idleCpu = ((sum(s.pids.map(cpuTicks)) - c0) / 100 / 20) * 100;
  return {
    drivers,
    figures: {
      ramp_seconds: +rampSeconds.toFixed(1),
      rss_mb_before: +(rssBefore / 1024).toFixed(1),
      rss_mb_with_connections: +(rssAfter / 1024).toFixed(1),
      kb_per_connection: +((rssAfter - rssBefore) / (per * PROCS)).toFixed(1),
      idle_cpu_percent_of_one_core: +idleCpu.toFixed(1),
    },
  };
}

async function bareBaseline() {
  const bare: NodeHandle[] = [];
  for (let n = 0; n < NODES; n++) bare.push(await startBare(3595 + n));
  const { drivers, figures } = await holdIdle({ urls: bare.map((b) => b.url), pids: bare.map((b) => b.proc.pid!) });
  const fanout = await measureFanout({
    membersUrl: bare[0]!.url,
    watchersUrl: bare[0]!.url,
    members: MEMBERS,
    watchers: WATCHERS,
    rate: RATE,
    auth: async (id) => ({ ticket: id }),
    watcherSecret: "bare",
    watcherProcs: WATCHER_PROCS,
  });
  for (const d of drivers) d.kill("SIGKILL");
  for (const b of bare) await b.kill();
  return { ...figures, fanout };
}

async function portal() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "presence-bench-"));
  let databaseUrl = `file:${path.join(dataDir, "portal.db")}`;
  let redis: ChildProcess | undefined;
  const nodeEnv: Record<string, string> = {};
  if (NODES > 1) {
    const pg = spawnSync(path.join(root, "scripts/pg-local.sh"), ["start"], { encoding: "utf8" });
    if (pg.status !== 0) throw new Error(`PostgreSQL: ${pg.stderr}`);
    databaseUrl = pg.stdout.trim();
    redis = startRedis(6479);
    nodeEnv.REDIS_URL = "redis://127.0.0.1:6479";
    await sleep(500);
  }
  const mig = spawnSync(process.execPath, ["--import", "tsx", "scripts/db/migrate.ts"], {
    cwd: root,
    env: childProcessEnv({ DATABASE_URL: databaseUrl }),
  });
  if (mig.status !== 0) throw new Error(String(mig.stderr));
  setEnvForTests({ DATABASE_URL: databaseUrl });
  const client = await db();
  // pm<i> change status, pw<i> watch them (a watcher's own connection would keep a member active).
  const ids = Array.from({ length: MEMBERS }, (_, i) => `pm${i}`).concat(Array.from({ length: WATCHERS }, (_, i) => `pw${i}`));
  await client.member.createMany({
    data: ids.map((id) => ({
      id,
      handle: id,
      handleKey: id,
      email: `${id}@b.test`,
      emailKey: `${id}@b.test`,
      passwordHash: "x",
      displayName: `P ${id}`,
      birthDate: new Date("1990-01-01"),
      city: "B",
    })),
  });

  const port = 3495;
  const nodes: NodeHandle[] = [];
  for (let n = 0; n < NODES; n++)
    nodes.push(await startPresenceNode({ port: port + n, nodeId: `bench-${n + 1}`, databaseUrl, env: nodeEnv }));
  const { drivers, figures } = await holdIdle({ urls: nodes.map((n) => n.url), pids: nodes.map((n) => n.proc.pid!) });
  // Members toggle idle/active at RATE changes per second; each watcher watches every member.
  const fanout = await measureFanout({
    membersUrl: nodes[0]!.url,
    watchersUrl: nodes[NODES - 1]!.url,
    members: MEMBERS,
    watchers: WATCHERS,
    rate: RATE,
    auth: async (id) => ({ ticket: await memberTicket(id, 600) }),
    watcherSecret: TEST_PRESENCE_SECRET,
    watcherProcs: WATCHER_PROCS,
  });

  // Crash and restart of the first node: how long until every one of its idle clients is connected again.
  const expectedOnFirst = per * Math.ceil(PROCS / NODES);
  await nodes[0]!.kill("SIGKILL");
  const killedAt = Date.now();
  nodes[0] = await startPresenceNode({ port, nodeId: "bench-1", databaseUrl, env: nodeEnv });
  const restartedAt = Date.now();
  await until(async () => (await health(nodes[0]!.url).catch(() => 0)) >= expectedOnFirst, 300_000, "every client back", 500);
  const backAfter = (Date.now() - killedAt) / 1000;

  for (const d of drivers) d.kill("SIGKILL");
  for (const n of nodes) await n.kill("SIGKILL");
  redis?.kill("SIGKILL");
  await disconnectDb();
  fs.rmSync(dataDir, { recursive: true, force: true });
  return {
    database: NODES > 1 ? "postgresql + redis" : "sqlite, embedded bus",
    ...figures,
    fanout: { ...fanout, across_nodes: NODES > 1 },
    restart: {
      clients_of_killed_node: expectedOnFirst,
      node_ready_after_s: +((restartedAt - killedAt) / 1000).toFixed(1),
      all_clients_back_after_s: +backAfter.toFixed(1),
    },
  };
}

async function main() {
  const bare = await bareBaseline();
  process.stderr.write(`bare: ${JSON.stringify(bare)}\n`);
  const ours = await portal();
  const ratio = (a: number, b: number) => +(a / b).toFixed(2);
  const result = {
    date: new Date().toISOString(),
    machine: `${os.cpus().length} × ${os.cpus()[0]?.model}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
    nodes: NODES,
    connections: per * PROCS,
    client_processes: PROCS,
    changes_per_second: RATE,
    members: MEMBERS,
    watchers: WATCHERS,
    bare_socketio: bare,
    portal: ours,
    portal_to_bare: {
      kb_per_connection: ratio(ours.kb_per_connection, bare.kb_per_connection),
      idle_cpu: ratio(ours.idle_cpu_percent_of_one_core, bare.idle_cpu_percent_of_one_core),
      fanout_p50: ratio(ours.fanout.p50_ms, bare.fanout.p50_ms),
      fanout_p99: ratio(ours.fanout.p99_ms, bare.fanout.p99_ms),
    },
  };
  console.log(JSON.stringify(result, null, 2));
  process.exit(0);
}

await main();
