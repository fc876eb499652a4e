import { execFile } from "node:child_process";
import fs from "node:fs/promises";
import { promisify } from "node:util";
import { DomainError } from "../errors";

const run = promisify(execFile);

export type Container = "webm" | "mp4" | "ogg";
export type MessageKind = "video" | "voice";

/**
 * What the first bytes say the file is: MediaRecorder writes WebM (Chromium, Firefox), MP4 (Safari) or
 * Ogg (Firefox, voice). The name and the Content-Type a client sends are never trusted.
 */
export function sniffContainer(head: Uint8Array): Container | null {
  if (head.length >= 4 && head[0] === 0x1a && head[1] === 0x45 && head[2] === 0xdf && head[3] === 0xa3) return "webm";
  if (head.length >= 8 && String.fromCharCode(...head.subarray(4, 8)) === "ftyp") return "mp4";
  if (head.length >= 4 && String.fromCharCode(...head.subarray(0, 4)) === "OggS") return "ogg";
  return null;
}

export type Probe = { durationMs: number; hasVideo: boolean; hasAudio: boolean };

/** Reads the streams and the duration, decoding to the end when the container does not say (MediaRecorder's WebM). */
export async function probe(file: string): Promise<Probe> {
  let out: string;
  try {
    ({ stdout: out } = await run("ffprobe", ["-v", "error", "-show_entries", "format=duration:stream=codec_type", "-of", "json", file], {
      maxBuffer: 1 << 20,
    }));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT")
      throw new DomainError("UNAVAILABLE", "Messages cannot be received right now (the server lacks ffmpeg); please try again later.");
    throw new DomainError("UNSUPPORTED_MEDIA_TYPE", "This recording could not be read as audio or video.");
  }
  const info = JSON.parse(out) as { format?: { duration?: string }; streams?: { codec_type?: string }[] };
  const types = new Set((info.streams ?? []).map((s) => s.codec_type));
  let seconds = Number(info.format?.duration);
  if (!Number.isFinite(seconds)) seconds = await decodedDuration(file);
  return { durationMs: Math.round(seconds * 1000), hasVideo: types.has("video"), hasAudio: types.has("audio") };
}

async function decodedDuration(file: string): Promise<number> {
  // Packet timestamps of the whole file, without decoding pictures: fast even for 3 minutes.
  const { stdout } = await run("ffprobe", ["-v", "error", "-show_entries", "packet=pts_time,duration_time", "-of", "csv=p=0", file], {
    maxBuffer: 64 << 20,
  });
  let end = 0;
  for (const line of stdout.split("\n")) {
    const [pts, dur] = line.split(",").map(Number);
    if (Number.isFinite(pts)) end = Math.max(end, pts! + (Number.isFinite(dur) ? dur! : 0));
  }
  return end;
}

export type Finalized = { path: string; mime: string; durationMs: number; thumbPath: string | null };

/**
 * Rewrites the recording without re-encoding so that it has a duration and an index (cues, or MP4's
 * moov at the front): MediaRecorder's WebM has neither, so browsers could not seek in it. Makes a
 * JPEG thumbnail for video.
 */
export async function finalizeRecording(
  input: string,
  opts: { kind: MessageKind; container: Container; minMs: number; maxMs: number },
): Promise<Finalized> {
  const found = await probe(input);
  if (!found.hasAudio && !found.hasVideo) throw new DomainError("UNSUPPORTED_MEDIA_TYPE", "This recording has neither sound nor picture.");
  if (opts.kind === "video" && !found.hasVideo)
    throw new DomainError("UNSUPPORTED_MEDIA_TYPE", "A video message needs a picture; send it as a voice message instead.");
  if (found.durationMs < opts.minMs)
    throw new DomainError("BAD_REQUEST", `A message must last at least ${Math.round(opts.minMs / 1000)} second.`);
  // A little slack: a recorder stopped exactly at the limit ends a few frames after it.
  if (found.durationMs > opts.maxMs + 1500) {
    throw new DomainError(
      "PAYLOAD_TOO_LARGE",
      `A message can last at most ${formatLimit(opts.maxMs)}; this one lasts ${formatLimit(found.durationMs)}.`,
    );
  }
  const video = opts.kind === "video";
  const ext = opts.container === "mp4" ? "mp4" : opts.container === "ogg" ? "ogg" : "webm";
  const output = `${input}.final.${ext}`;
  const args = ["-v", "error", "-y", "-i", input, "-map", "0", ...(video ? [] : ["-vn"]), "-c", "copy"];
  if (ext === "mp4") args.push("-movflags", "+faststart");
  if (ext === "webm") args.push("-cues_to_front", "1");
  args.push(output);
  try {
    await run("ffmpeg", args, { maxBuffer: 1 << 20 });
  } catch {
    throw new DomainError("UNSUPPORTED_MEDIA_TYPE", "This recording could not be processed.");
  }
  let thumbPath: string | null = null;
  if (video) {
    thumbPath = `${input}.thumb.jpg`;
    const at = Math.min(0.5, found.durationMs / 2000).toFixed(2);
    await run("ffmpeg", ["-v", "error", "-y", "-ss", at, "-i", output, "-frames:v", "1", "-vf", "scale=320:-2", thumbPath]).catch(
      () => (thumbPath = null),
    );
  }
  const mime = `${video ? "video" : "audio"}/${ext}`;
  return { path: output, mime, durationMs: found.durationMs, thumbPath };
}

export function formatLimit(ms: number): string {
  const s = Math.round(ms / 1000);
  return s >= 60 ? `${Math.floor(s / 60)} min${s % 60 ? ` ${s % 60} s` : ""}` : `${s} s`;
}

export async function removeQuietly(...files: (string | null | undefined)[]) {
  await Promise.all(files.filter(Boolean).map((f) => fs.rm(f!, { force: true })));
}
