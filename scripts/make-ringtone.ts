/**
 * The ringtone in public/sounds/: one ring of the North American cadence (440 Hz and 480 Hz
 * together for 2 s, then 4 s of silence), looped by the page while a call rings. Made with ffmpeg,
 * which the portal needs anyway; run again only to change the sound:
 *   npx tsx scripts/make-ringtone.ts
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const out = path.resolve(import.meta.dirname, "../public/sounds/ring.ogg");
fs.mkdirSync(path.dirname(out), { recursive: true });
const res = spawnSync(
  "ffmpeg",
  [
    ...["-loglevel", "error", "-y"],
    ...["-f", "lavfi", "-i", "sine=frequency=440:duration=2:sample_rate=48000"],
    ...["-f", "lavfi", "-i", "sine=frequency=480:duration=2:sample_rate=48000"],
    // Soft edges (no click at either end of the tone), then the silence up to 6 s.
    ...["-filter_complex", "[0][1]amix=inputs=2,volume=0.6,afade=t=in:d=0.02,afade=t=out:st=1.98:d=0.02,apad=whole_dur=6"],
    ...["-ac", "1", "-c:a", "libopus", "-b:a", "24k", out],
  ],
  { encoding: "utf8" },
);
if (res.status !== 0) throw new Error(`ffmpeg could not make the ringtone: ${res.stderr || res.error?.message}`);
console.log(`wrote public/sounds/ring.ogg (${fs.statSync(out).size} bytes)`);
