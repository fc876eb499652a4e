/**
 * Watcher sockets for bench/support/presence-fanout.ts, in a process of their own so that receiving
 * and parsing every delivery is not the measuring process's queue. Connects watchers pw<from> …
 * pw<from+count-1>, each watching pm0 … pm<members-1>; prints "ready" once all watch. Arrivals are
 * recorded from the line "go" on stdin; the next line is the changes sent (per member, [time,
 * status] in order), against which each arrival's latency is computed; the answer is one JSON line:
 * a histogram of latencies in whole milliseconds and the number of arrivals.
 *   node --import tsx bench/support/presence-watchers.ts <url> <from> <count> <members> <secret|bare> <localAddress>
 */
import readline from "node:readline";
import { io, type Socket } from "socket.io-client";
import { issueTicket } from "../../lib/presence/tickets";

const [url, fromArg, countArg, membersArg, secret, localAddress] = process.argv.slice(2);
const from = Number(fromArg);
const count = Number(countArg);
const members = Number(membersArg);
const ids = Array.from({ length: members }, (_, i) => `pm${i}`);

let recording = false;
let n = 0;
let member = new Uint16Array(1 << 20);
let status = new Uint8Array(1 << 20);
let at = new Float64Array(1 << 20);
function record(memberId: string, s: string, t: number) {
  if (n === at.length) {
    const grow = <T extends Uint16Array | Uint8Array | Float64Array>(a: T): T => {
      const b = new (a.constructor as new (len: number) => T)(a.length * 2);
      b.set(a as never);
      return b;
    };
    [member, status, at] = [grow(member), grow(status), grow(at)];
  }
  member[n] = Number(memberId.slice(2));
  status[n] = s === "away" ? 1 : 0;
  at[n++] = t;
}

const ticket = (id: string) => (secret === "bare" ? Promise.resolve(id) : issueTicket(secret!, { kind: "member", memberId: id }, 600));
const sockets: Socket[] = [];
for (let i = from; i < from + count; i++) {
  const t = await ticket(`pw${i}`);
  const s = io(url!, { forceNew: true, transports: ["websocket"], reconnection: false, localAddress, auth: { ticket: t } } as Parameters<
    typeof io
  >[1]);
  s.on("presence", (changes: { memberId: string; status: string }[]) => {
    if (!recording) return;
    const now = Date.now();
    for (const c of changes) if (c.memberId.startsWith("pm")) record(c.memberId, c.status, now);
  });
  sockets.push(s);
}
await Promise.all(
  sockets.map((s) => new Promise<void>((r, j) => (s.connected ? r() : (s.once("connect", () => r()), s.once("connect_error", j))))),
);
await Promise.all(sockets.map((s) => new Promise((r) => s.emit("watch", ids, r))));
process.stdout.write("ready\n");

const lines = readline.createInterface({ input: process.stdin });
lines.on("line", (line) => {
  if (line === "go") return void (recording = true);
  recording = false;
  const sent = JSON.parse(line) as [number, number][][];
  const histogram: Record<number, number> = {};
  let matched = 0;
  for (let k = 0; k < n; k++) {
    const list = sent[member[k]!] ?? [];
    // The last change to this status sent at or before the arrival caused it.
    let lo = 0;
    let hi = list.length - 1;
    let cause = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid]![0] <= at[k]!) {
        cause = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    while (cause >= 0 && list[cause]![1] !== status[k]) cause--;
    if (cause < 0) continue;
    const ms = Math.round(at[k]! - list[cause]![0]);
    histogram[ms] = (histogram[ms] ?? 0) + 1;
    matched++;
  }
  for (const s of sockets) s.close();
  process.stdout.write(`${JSON.stringify({ histogram, matched })}\n`);
  process.exit(0);
});
