import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

/**
 * What Chromium's fake camera plays: a small moving test pattern (320×240, 15 fps) instead of its
 * built-in 720p30 one. Every call in the suite encodes and decodes it in software on a CI machine
 * of two cores; at 720p with simulcast, the video alone took most of the processor (measured in
 * BENCHMARKS.md, "CI time"). Made once with ffmpeg, which the portal needs anyway.
 */
export function fakeCameraFile(): string {
  const file = path.join(os.tmpdir(), "portal-e2e-camera-320x240-15.y4m");
  if (fs.existsSync(file)) return file;
  const partial = `${file}.${process.pid}.y4m`;
  const res = spawnSync(
    "ffmpeg",
    ["-loglevel", "error", "-y", "-f", "lavfi", "-i", "testsrc2=size=320x240:rate=15", "-t", "4", "-pix_fmt", "yuv420p", partial],
    { encoding: "utf8" },
  );
  if (res.status !== 0) throw new Error(`ffmpeg could not make the fake camera's video: ${res.stderr || res.error?.message}`);
  fs.renameSync(partial, file);
  return file;
}
