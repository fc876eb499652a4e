/**
 * Presence nodes under load: one node on SQLite with the embedded bus, or (--nodes 2) several
 * nodes on PostgreSQL with Redis, where the members change status on the first node and
 * their watchers sit on the last, so every delivery crosses nodes:
 *   - idle connections held, memory per connection, idle CPU;
 *   - time from a status change to every watcher seeing it, while changes flow;
 *   - after a crash and restart, the time until every client is back.
 *   npx tsx bench/presence.ts [--connections 16000] [--procs 4] [--rate 1000] [--nodes 1]
 * Client drivers are separate processes on 127.0.0.2, .3, … (20,000 open files per process here).
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { db, disconnectDb } from "../lib/db/client";
import { childProcessEnv, setEnvForTests } from "../lib/env";
import {
  connectClient,
  memberTicket,
  type NodeHandle,
  startPresenceNode,
  TEST_PRESENCE_SECRET,
  type TestClient,
  until,
  waitConnected,
} from "../tests/support/presence";

const arg = (n: string, d: string) => (process.argv.includes(`--${n}`) ? process.argv[process.argv.indexOf(`--${n}`) + 1]! : d);
const TOTAL = Number(arg("connections", "16000"));
const PROCS = Number(arg("procs", "4"));
const RATE = Number(arg("rate", "1000"));
const NODES = Number(arg("nodes", "1"));
const MEMBERS = 100;
const WATCHERS = 100;
const root = path.resolve(import.meta.dirname, "..");

const rssKb = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0);
const cpuTicks = (pid: number) => {
  const f = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  return Number(f[11]) + Number(f[12]);
};
const pct = (s: number[], p: number) => +s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!.toFixed(1);
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

async function main() {
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
    await new Promise((r) => setTimeout(r, 500));
  }
  const mig = spawnSync(process.execPath, ["--import", "tsx", "scripts/db/migrate.ts"], {
    cwd: root,
    env: childProcessEnv({ DATABASE_URL: databaseUrl }),
  });
  if (mig.status !== 0) throw new Error(String(mig.stderr));
  setEnvForTests({ DATABASE_URL: databaseUrl });
  const client = await db();
  await client.member.createMany({
    data: Array.from({ length: MEMBERS }, (_, i) => ({
      id: `pm${i}`,
      handle: `pm-${i}`,
      handleKey: `pm-${i}`,
      email: `pm${i}@b.test`,
      emailKey: `pm${i}@b.test`,
      passwordHash: "x",
      displayName: `P ${i}`,
      birthDate: new Date("1990-01-01"),
      city: "B",
    })),
  });

  const port = 3495;
  const nodes: NodeHandle[] = [];
  for (let n = 0; n < NODES; n++)
    nodes.push(await startPresenceNode({ port: port + n, nodeId: `bench-${n + 1}`, databaseUrl, env: nodeEnv }));
  let node = nodes[0]!;
  const far = nodes[NODES - 1]!;
  await new Promise((r) => setTimeout(r, 2000));
  const rssBefore = nodes.reduce((a, n) => a + rssKb(n.proc.pid!), 0);

  // Idle connections from several processes and source addresses.
  const drivers: ChildProcess[] = [];
  const per = Math.ceil(TOTAL / PROCS);
  const t0 = Date.now();
  for (let p = 0; p < PROCS; p++) {
    drivers.push(
      spawn(
        process.execPath,
        ["--import", "tsx", "bench/presence-clients.ts", nodes[p % NODES]!.url, String(per), `127.0.0.${p + 2}`, TEST_PRESENCE_SECRET],
        {
          cwd: root,
          stdio: ["ignore", "ignore", "inherit"],
        },
      ),
    );
  }
  let seen = 0;
  const connectedEverywhere = async () => {
    let sum = 0;
    for (const n of nodes) sum += await health(n.url).catch(() => 0);
    return sum;
  };
  await until(
    async () => {
      seen = await connectedEverywhere();
      process.stderr.write(`  ${seen} connected\n`);
      return seen >= per * PROCS;
    },
    600_000,
    "every idle connection",
    2000,
  );
  const rampSeconds = (Date.now() - t0) / 1000;
  await new Promise((r) => setTimeout(r, 5000));
  const rssAfter = nodes.reduce((a, n) => a + rssKb(n.proc.pid!), 0);
  const c0 = nodes.reduce((a, n) => a + cpuTicks(n.proc.pid!), 0);
  await new Promise((r) => setTimeout(r, 20_000));
  // /proc counts clock ticks, 100 per second on Linux.
  const idleCpu = ((nodes.reduce((a, n) => a + cpuTicks(n.proc.pid!), 0) - c0) / 100 / 20) * 100;

  // Fan-out: members toggle idle/active at RATE changes per second; watchers each watch all members.
  const members: TestClient[] = [];
  for (let i = 0; i < MEMBERS; i++) members.push(connectClient(node.url, { ticket: await memberTicket(`pm${i}`, 600) }));
  const watchers: TestClient[] = [];
  for (let i = 0; i < WATCHERS; i++) watchers.push(connectClient(far.url, { ticket: await memberTicket(`pm${i}`, 600) }));
  await Promise.all([...members, ...watchers].map(waitConnected));
  await Promise.all(
    watchers.map(
      (w) =>
        new Promise((r) =>
          w.emit(
            "watch",
            members.map((_, i) => `pm${i}`),
            r,
          ),
        ),
    ),
  );
  const emits = new Map<string, { at: number; status: string }[]>();
  const latencies: number[] = [];
  for (const w of watchers) {
    w.on("presence", (changes) => {
      const now = Date.now();
      for (const c of changes) {
        const list = emits.get(c.memberId) ?? [];
        const cause = [...list].reverse().find((e) => e.status === c.status && e.at <= now);
        if (cause) latencies.push(now - cause.at);
      }
    });
  }
  const idle = new Array(MEMBERS).fill(false);
  const seconds = 10;
  const interval = 1000 / RATE;
  const start = Date.now();
  let sent = 0;
  while (Date.now() - start < seconds * 1000) {
    const due = Math.floor((Date.now() - start) / interval);
    for (; sent < due; sent++) {
      const i = sent % MEMBERS;
      idle[i] = !idle[i];
      const list = emits.get(`pm${i}`) ?? [];
      list.push({ at: Date.now(), status: idle[i] ? "away" : "online" });
      emits.set(`pm${i}`, list.slice(-20));
      members[i]!.emit("idle", idle[i]);
    }
    await new Promise((r) => setTimeout(r, 5));
  }
  await new Promise((r) => setTimeout(r, 2000));
  latencies.sort((a, b) => a - b);
  for (const s of [...members, ...watchers]) s.close();

  // Crash and restart of the first node: how long until every one of its idle clients is connected again.
  const expected = per * PROCS;
  const expectedOnFirst = per * Math.ceil(PROCS / NODES);
  await node.kill("SIGKILL");
  const killedAt = Date.now();
  node = await startPresenceNode({ port, nodeId: "bench-1", databaseUrl, env: nodeEnv });
  nodes[0] = node;
  const restartedAt = Date.now();
  process.stderr.write(`idle: ${expected} connections, ${rssAfter} kB rss; fan-out p50 ${pct(latencies, 50)} p99 ${pct(latencies, 99)}\n`);
  await until(async () => (await health(node.url).catch(() => 0)) >= expectedOnFirst, 300_000, "every client back", 500);
  const backAfter = (Date.now() - killedAt) / 1000;

  const result = {
    date: new Date().toISOString(),
    machine: `${os.cpus().length} × ${os.cpus()[0]?.model}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
    nodes: NODES,
    database: NODES > 1 ? "postgresql + redis" : "sqlite, embedded bus",
    connections: expected,
    client_processes: PROCS,
    ramp_seconds: +rampSeconds.toFixed(1),
    // Summed over the nodes.
    rss_mb_before: +(rssBefore / 1024).toFixed(1),
    rss_mb_with_connections: +(rssAfter / 1024).toFixed(1),
    kb_per_connection: +((rssAfter - rssBefore) / expected).toFixed(1),
    idle_cpu_percent_of_one_core: +idleCpu.toFixed(1),
    fanout: {
      across_nodes: NODES > 1,
      changes_per_second: RATE,
      watchers: WATCHERS,
      members: MEMBERS,
      deliveries: latencies.length,
      p50_ms: pct(latencies, 50),
      p99_ms: pct(latencies, 99),
    },
    restart: {
      clients_of_killed_node: expectedOnFirst,
      node_ready_after_s: +((restartedAt - killedAt) / 1000).toFixed(1),
      all_clients_back_after_s: +backAfter.toFixed(1),
    },
  };
  console.log(JSON.stringify(result, null, 2));
  for (const d of drivers) d.kill("SIGKILL");
  for (const n of nodes) await n.kill("SIGKILL");
  redis?.kill("SIGKILL");
  await disconnectDb();
  fs.rmSync(dataDir, { recursive: true, force: true });
  process.exit(0);
}

await main();
