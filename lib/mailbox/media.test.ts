import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { finalizeRecording, probe, sniffContainer } from "./media";

let dir: string;
/** A WebM the way MediaRecorder writes it: live, so no duration and no cues. */
function recording(name: string, seconds: number, withVideo = true): string {
  const out = path.join(dir, name);
  const video = withVideo ? ["-f", "lavfi", "-i", "testsrc=size=320x240:rate=15"] : [];
  const maps = withVideo ? ["-c:v", "libvpx", "-b:v", "200k"] : [];
  execFileSync("ffmpeg", [
    "-v",
    "error",
    "-y",
    ...video,
    "-f",
    "lavfi",
    "-i",
    "sine=frequency=440",
    "-t",
    String(seconds),
    ...maps,
    "-c:a",
    "libopus",
    "-live",
    "1",
    "-f",
    "webm",
    out,
  ]);
  return out;
}
const duration = (file: string) =>
  Number(
    JSON.parse(execFileSync("ffprobe", ["-v", "error", "-show_entries", "format=duration", "-of", "json", file], { encoding: "utf8" }))
      .format.duration,
  );

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "mailbox-media-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

// These run ffmpeg and ffprobe on real files: seconds of CPU each when the machine is busy (npm test
// runs the unit tests beside the type check and lint), far beyond Vitest's 5-s default.
describe("recordings", { timeout: 60_000 }, () => {
  it("recognises WebM, MP4 and Ogg by their bytes, and nothing else", () => {
    expect(sniffContainer(Uint8Array.from([0x1a, 0x45, 0xdf, 0xa3, 1, 2]))).toBe("webm");
    expect(sniffContainer(new TextEncoder().encode("\0\0\0\x20ftypisom"))).toBe("mp4");
    expect(sniffContainer(new TextEncoder().encode("OggS\0\x02"))).toBe("ogg");
    expect(sniffContainer(new TextEncoder().encode("%PDF-1.7"))).toBeNull();
    expect(sniffContainer(Uint8Array.from([0x89, 0x50, 0x4e, 0x47]))).toBeNull();
  });

  it("finds the duration of a WebM that does not state it", async () => {
    const file = recording("live.webm", 2);
    expect(Number.isNaN(duration(file))).toBe(true);
    const p = await probe(file);
    expect(p.hasVideo && p.hasAudio).toBe(true);
    expect(p.durationMs).toBeGreaterThan(1800);
    expect(p.durationMs).toBeLessThan(2300);
  });

  it("finalizes a recording so that it states its duration, and makes a thumbnail for video", async () => {
    const file = recording("msg.webm", 2);
    const done = await finalizeRecording(file, { kind: "video", container: "webm", minMs: 1000, maxMs: 180_000 });
    expect(done.mime).toBe("video/webm");
    expect(duration(done.path)).toBeCloseTo(2, 0);
    expect(done.thumbPath && fs.statSync(done.thumbPath).size).toBeGreaterThan(500);
    // Seeking needs the Cues index (Matroska element 1C 53 BB 6B): MediaRecorder's file has none, the
    // rewritten one has it ahead of the first Cluster (1F 43 B6 75), so a browser finds it at once.
    const CUES = Buffer.from([0x1c, 0x53, 0xbb, 0x6b]);
    const CLUSTER = Buffer.from([0x1f, 0x43, 0xb6, 0x75]);
    expect(fs.readFileSync(file).indexOf(CUES)).toBe(-1);
    const out = fs.readFileSync(done.path);
    expect(out.indexOf(CUES)).toBeGreaterThan(0);
    expect(out.indexOf(CUES)).toBeLessThan(out.indexOf(CLUSTER));
  });

  it("finalizes Safari's fragmented MP4 with the index at the front", async () => {
    const file = path.join(dir, "safari.mp4");
    execFileSync("ffmpeg", [
      "-v",
      "error",
      "-y",
      "-f",
      "lavfi",
      "-i",
      "testsrc=size=320x240:rate=15",
      "-f",
      "lavfi",
      "-i",
      "sine=frequency=440",
      "-t",
      "2",
      "-c:v",
      "libx264",
      "-preset",
      "ultrafast",
      "-c:a",
      "aac",
      "-movflags",
      "frag_keyframe+empty_moov",
      file,
    ]);
    expect(sniffContainer(fs.readFileSync(file).subarray(0, 16))).toBe("mp4");
    const done = await finalizeRecording(file, { kind: "video", container: "mp4", minMs: 1000, maxMs: 180_000 });
    expect(done.mime).toBe("video/mp4");
    expect(duration(done.path)).toBeCloseTo(2, 0);
    const out = fs.readFileSync(done.path);
    // faststart: the moov box (the index) comes before the media data.
    expect(out.indexOf("moov")).toBeLessThan(out.indexOf("mdat"));
  });

  it("keeps only the sound of a voice message", async () => {
    const file = recording("voice.webm", 2, false);
    const done = await finalizeRecording(file, { kind: "voice", container: "webm", minMs: 1000, maxMs: 180_000 });
    expect(done.mime).toBe("audio/webm");
    expect(done.thumbPath).toBeNull();
    expect((await probe(done.path)).hasVideo).toBe(false);
  });

  it("refuses a recording that is too short, too long, or a video without picture", async () => {
    await expect(
      finalizeRecording(recording("short.webm", 0.4), { kind: "video", container: "webm", minMs: 1000, maxMs: 180_000 }),
    ).rejects.toThrow(/at least 1 second/);
    await expect(
      finalizeRecording(recording("long.webm", 8), { kind: "video", container: "webm", minMs: 1000, maxMs: 5000 }),
    ).rejects.toThrow(/at most 5 s; this one lasts 8 s/);
    await expect(
      finalizeRecording(recording("novideo.webm", 2, false), { kind: "video", container: "webm", minMs: 1000, maxMs: 180_000 }),
    ).rejects.toThrow(/needs a picture/);
  });

  it("refuses bytes that only look like a recording", async () => {
    const fake = path.join(dir, "fake.webm");
    fs.writeFileSync(fake, Buffer.concat([Buffer.from([0x1a, 0x45, 0xdf, 0xa3]), Buffer.alloc(4096, 7)]));
    await expect(finalizeRecording(fake, { kind: "video", container: "webm", minMs: 1000, maxMs: 180_000 })).rejects.toThrow(
      /could not be read|neither/,
    );
  });
});
