/**
 * Fan-out latency for bench/presence.ts: members toggle idle/active at `rate` changes per second for
 * ten seconds; every watcher watches every member; each delivery's latency is from the change being
 * sent to the watcher receiving the status it caused. Works against the portal and the bare server
 * alike (the same socket events).
 */
import { connectClient, type TestClient, waitConnected } from "../../tests/support/presence";

const pct = (s: number[], p: number) => (s.length ? +s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!.toFixed(1) : NaN);

export async function measureFanout(o: {
  membersUrl: string;
  watchersUrl: string;
  members: number;
  watchers: number;
  rate: number;
  /** A client's handshake for a member id: "pm<i>" change status, "pw<i>" watch them. */
  auth: (memberId: string) => Promise<{ ticket: string }>;
  seconds?: number;
}) {
  const members: TestClient[] = [];
  for (let i = 0; i < o.members; i++) members.push(connectClient(o.membersUrl, await o.auth(`pm${i}`), { transports: ["websocket"] }));
  const watchers: TestClient[] = [];
  for (let i = 0; i < o.watchers; i++) watchers.push(connectClient(o.watchersUrl, await o.auth(`pw${i}`), { transports: ["websocket"] }));
  await Promise.all([...members, ...watchers].map(waitConnected));
  const ids = members.map((_, i) => `pm${i}`);
  await Promise.all(watchers.map((w) => new Promise((r) => w.emit("watch", ids, r))));
  // Let the members' own arrival reach every watcher before measuring.
  await new Promise((r) => setTimeout(r, 2000));
  const emits = new Map<string, { at: number; status: string }[]>();
  const latencies: number[] = [];
  for (const w of watchers) {
    w.on("presence", (changes) => {
      const now = Date.now();
      for (const c of changes) {
        const list = emits.get(c.memberId) ?? [];
        const cause = list.findLast((e) => e.status === c.status && e.at <= now);
        if (cause) latencies.push(now - cause.at);
      }
    });
  }
  const idle = new Array(o.members).fill(false);
  const seconds = o.seconds ?? 10;
  const interval = 1000 / o.rate;
  const start = Date.now();
  let sent = 0;
  while (Date.now() - start < seconds * 1000) {
    const due = Math.floor((Date.now() - start) / interval);
    for (; sent < due; sent++) {
      const i = sent % o.members;
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
  return {
    changes: sent,
    deliveries: latencies.length,
    expected_deliveries: sent * o.watchers,
    p50_ms: pct(latencies, 50),
    p99_ms: pct(latencies, 99),
    max_ms: latencies.length ? latencies[latencies.length - 1]! : NaN,
  };
}
