/**
 * Fan-out latency for bench/presence.ts: members toggle idle/active at `rate` changes per second for
 * ten seconds; every watcher watches every member; each delivery's latency is from the change being
 * sent to the watcher receiving the status it caused. The watchers live in processes of their own
 * (bench/support/presence-watchers.ts), so this process only sends changes. Works against the
 * portal and the bare server alike (the same socket events).
 */
import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import readline from "node:readline";
import { connectClient, type TestClient, waitConnected } from "../../tests/support/presence";

const root = path.resolve(import.meta.dirname, "../..");

/** Percentile of a histogram of whole milliseconds. */
function percentile(h: Map<number, number>, total: number, p: number): number {
  const rank = Math.min(total - 1, Math.floor((p / 100) * total));
  let seen = 0;
  for (const ms of [...h.keys()].sort((a, b) => a - b)) {
    seen += h.get(ms)!;
    if (seen > rank) return ms;
  }
  return NaN;
}

function startWatchers(o: { url: string; from: number; count: number; members: number; secret: string; localAddress: string }) {
  const proc = spawn(
    process.execPath,
    [
      "--import",
      "tsx",
      "bench/support/presence-watchers.ts",
      o.url,
      String(o.from),
      String(o.count),
      String(o.members),
      o.secret,
      o.localAddress,
    ],
    { cwd: root, stdio: ["pipe", "pipe", "inherit"] },
  );
  const lines = readline.createInterface({ input: proc.stdout! });
  const next = () => new Promise<string>((resolve) => lines.once("line", resolve));
  return { proc, next };
}

export async function measureFanout(o: {
  membersUrl: string;
  watchersUrl: string;
  members: number;
  watchers: number;
  rate: number;
  /** A member's handshake for "pm<i>" (who change status). */
  auth: (memberId: string) => Promise<{ ticket: string }>;
  /** The secret watcher processes sign their tickets with, or "bare" (the ticket is the id). */
  watcherSecret: string;
  watcherProcs?: number;
  seconds?: number;
}) {
  const members: TestClient[] = [];
  for (let i = 0; i < o.members; i++) members.push(connectClient(o.membersUrl, await o.auth(`pm${i}`), { transports: ["websocket"] }));
  await Promise.all(members.map(waitConnected));
  const procs = o.watcherProcs ?? 2;
  const per = Math.ceil(o.watchers / procs);
  const watchers: { proc: ChildProcess; next: () => Promise<string> }[] = [];
  for (let p = 0; p < procs; p++) {
    const count = Math.min(per, o.watchers - p * per);
    if (count > 0)
      watchers.push(
        startWatchers({
          url: o.watchersUrl,
          from: p * per,
          count,
          members: o.members,
          secret: o.watcherSecret,
          localAddress: `127.0.1.${p + 1}`,
        }),
      );
  }
  await Promise.all(watchers.map(async (w) => ((await w.next()) === "ready" ? null : Promise.reject(new Error("watchers failed")))));
  // Let the members' own arrival reach every watcher before measuring.
  await new Promise((r) => setTimeout(r, 2000));
  const servers = [...new Set([o.membersUrl, o.watchersUrl])];
  const loopDelay = () =>
    Promise.all(servers.map(async (u) => ((await (await fetch(`${u}/health`)).json()) as { loop_delay_ms: object }).loop_delay_ms));
  await loopDelay();
  for (const w of watchers) w.proc.stdin!.write("go\n");

  const sent: [number, number][][] = members.map(() => []);
  const idle = new Array(o.members).fill(false);
  const seconds = o.seconds ?? 10;
  const interval = 1000 / o.rate;
  const start = Date.now();
  let changes = 0;
  while (Date.now() - start < seconds * 1000) {
    const due = Math.floor((Date.now() - start) / interval);
    for (; changes < due; changes++) {
      const i = changes % o.members;
      idle[i] = !idle[i];
      sent[i]!.push([Date.now(), idle[i] ? 1 : 0]);
      members[i]!.emit("idle", idle[i]);
    }
    await new Promise((r) => setTimeout(r, 5));
  }
  const serverLoopDelay = await loopDelay();
  await new Promise((r) => setTimeout(r, 2000));
  const answers = await Promise.all(
    watchers.map(async (w) => {
      const answer = w.next();
      w.proc.stdin!.write(`${JSON.stringify(sent)}\n`);
      return JSON.parse(await answer) as { histogram: Record<string, number>; matched: number };
    }),
  );
  for (const s of members) s.close();
  const histogram = new Map<number, number>();
  let deliveries = 0;
  for (const a of answers) {
    deliveries += a.matched;
    for (const [ms, k] of Object.entries(a.histogram)) histogram.set(Number(ms), (histogram.get(Number(ms)) ?? 0) + k);
  }
  return {
    changes,
    deliveries,
    expected_deliveries: changes * o.watchers,
    p50_ms: percentile(histogram, deliveries, 50),
    p99_ms: percentile(histogram, deliveries, 99),
    max_ms: Math.max(...histogram.keys()),
    /** How late each server's event loop ran while the changes flowed (members' node first). */
    server_loop_delay_ms: serverLoopDelay,
  };
}
