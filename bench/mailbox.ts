/**
 * Mailbox uploads through the real stack: a 3-minute video message recorded the way MediaRecorder
 * writes it (live WebM, 640x480 VP8 ~1 Mbit/s + Opus, no duration or cues), sent with the same
 * protocol as the browser (create, then PATCH at Upload-Offset), in the client's largest pieces
 * (4 MB) and in its smallest (64 kB). Prints upload throughput and the time to finalize (the last
 * PATCH, which remuxes with ffmpeg and files the message, minus an ordinary PATCH of its size), and
 * ffmpeg's finalize run on its own as the baseline.
 *   npx tsx bench/mailbox.ts [--runs 3]
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { finalizeRecording } from "../lib/mailbox/media";
import { build, needsBuild } from "../scripts/launcher/prepare";
import { startStack } from "../tests/support/stack";
import { testEnv } from "../tests/support/test-env";

const arg = (n: string, d: string) => (process.argv.includes(`--${n}`) ? process.argv[process.argv.indexOf(`--${n}`) + 1]! : d);
const RUNS = Number(arg("runs", "3"));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-mailbox-"));
const file = path.join(dir, "three-minutes.webm");
console.log("encoding a 3-minute MediaRecorder-like WebM…");
execFileSync("ffmpeg", [
  "-v",
  "error",
  "-y",
  "-f",
  "lavfi",
  "-i",
  "testsrc2=size=640x480:rate=24",
  "-f",
  "lavfi",
  "-i",
  "sine=frequency=440:sample_rate=48000",
  "-t",
  "180",
  "-c:v",
  "libvpx",
  "-b:v",
  "1M",
  "-deadline",
  "realtime",
  "-cpu-used",
  "8",
  "-c:a",
  "libopus",
  "-b:a",
  "64k",
  "-live",
  "1",
  "-f",
  "webm",
  file,
]);
const bytes = fs.readFileSync(file);
console.log(`recording: ${(bytes.length / 1e6).toFixed(1)} MB`);

// Baseline: ffmpeg's part alone (probe by packet scan + remux + thumbnail), no HTTP, no database.
const alone: number[] = [];
for (let i = 0; i < RUNS; i++) {
  const copy = path.join(dir, `copy-${i}.webm`);
  fs.copyFileSync(file, copy);
  const t = performance.now();
  await finalizeRecording(copy, { kind: "video", container: "webm", minMs: 1000, maxMs: 180_000 });
  alone.push(performance.now() - t);
}

const base = testEnv().BASE_URL;
if (!base && needsBuild()) build();
const stack = base ? null : await startStack({ port: 3480 });
const url = base ?? stack!.url;

async function owner(): Promise<string> {
  const id = Math.random().toString(36).slice(2, 8);
  const p = {
    displayName: `Bench Box ${id}`,
    handle: `box-${id}`,
    email: `box-${id}@bench.test`,
    password: "bench password 123",
    birthDate: "1990-01-01",
    city: "Lisbon",
    interests: [],
    listed: true,
  };
  const r = await fetch(`${url}/api/register`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-forwarded-for": `10.55.0.${Math.floor(Math.random() * 250)}` },
    body: JSON.stringify(p),
  });
  if (r.status !== 201) throw new Error(`register ${r.status}`);
  return p.handle;
}

async function send(handle: string, piece: number) {
  const ip = `10.56.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
  const c = await fetch(`${url}/api/mailbox/uploads`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-forwarded-for": ip },
    body: JSON.stringify({ purpose: "message", to: handle, kind: "video", length: bytes.length, guestName: "Bench" }),
  });
  const { id, token } = (await c.json()) as { id: string; token: string };
  const times: number[] = [];
  const t0 = performance.now();
  for (let off = 0; off < bytes.length; off += piece) {
    const body = bytes.subarray(off, Math.min(bytes.length, off + piece));
    const t = performance.now();
    const r = await fetch(`${url}/api/mailbox/uploads/${id}`, {
      method: "PATCH",
      headers: {
        "content-type": "application/offset+octet-stream",
        "upload-token": token,
        "upload-offset": String(off),
        "x-forwarded-for": ip,
      },
      body,
    });
    if (!r.ok) throw new Error(`PATCH ${r.status} ${await r.text()}`);
    times.push(performance.now() - t);
  }
  const total = performance.now() - t0;
  const last = times.pop()!;
  const ordinary = median(times);
  return { total, mbps: bytes.length / 1e6 / ((total - last + ordinary) / 1000), finalize: last - ordinary, pieces: times.length + 1 };
}

const handle = await owner();
const rows: string[] = [];
for (const piece of [4 * 1024 * 1024, 64 * 1024]) {
  const runs = [];
  for (let i = 0; i < RUNS; i++) runs.push(await send(handle, piece));
  rows.push(
    `| ${piece >= 1024 * 1024 ? `${piece / (1024 * 1024)} MB` : `${piece / 1024} kB`} | ${runs[0]!.pieces} | ${median(runs.map((r) => r.mbps)).toFixed(1)} MB/s | ${Math.round(median(runs.map((r) => r.finalize)))} ms | ${(median(runs.map((r) => r.total)) / 1000).toFixed(2)} s |`,
  );
}
console.log(`\n${RUNS} runs each, medians; ${os.cpus().length} cores; ${stack ? "SQLite stack started here" : url}`);
console.log(`recording ${(bytes.length / 1e6).toFixed(1)} MB, 3:00; ffmpeg finalize alone (baseline): ${Math.round(median(alone))} ms`);
console.log("| piece | pieces | upload throughput | finalize (last PATCH − ordinary one) | create → filed |");
console.log("|---|---|---|---|---|");
for (const r of rows) console.log(r);
await stack?.stop();
fs.rmSync(dir, { recursive: true, force: true });
process.exit(0);
