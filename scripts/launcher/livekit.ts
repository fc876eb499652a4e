/**
 * The embedded LiveKit server: a pinned release built with the Go toolchain into
 * .bin/ (kept out of git), run in dev mode on loopback with the portal's own key.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { childProcessEnv, type Env } from "../../lib/env";
import { root } from "./prepare";

export const LIVEKIT_VERSION = "v1.13.5";
const MODULE = `github.com/livekit/livekit-server/cmd/server@${LIVEKIT_VERSION}`;

export const HOW_ELSE =
  "Install Go 1.26 (https://go.dev/dl) and start again, or run a LiveKit server yourself " +
  "(https://docs.livekit.io/home/self-hosting/local/) and set LIVEKIT_URL, LIVEKIT_API_KEY and LIVEKIT_API_SECRET.";

function binaryVersion(bin: string): string | null {
  const r = spawnSync(bin, ["--version"], { encoding: "utf8" });
  return r.status === 0 ? (/version (\S+)/.exec(r.stdout)?.[1] ?? null) : null;
}

/** The server binary, built when missing or of another version; null with a reason when Go is missing or the build fails. */
export function ensureLivekitBinary(e: Env, log: (s: string) => void = console.log): { bin: string } | { error: string } {
  const bin = path.resolve(root, e.LIVEKIT_BIN);
  if (fs.existsSync(bin) && binaryVersion(bin) === LIVEKIT_VERSION.slice(1)) return { bin };
  if (spawnSync("go", ["version"]).status !== 0)
    return { error: `Go is not installed, so the LiveKit server cannot be built. ${HOW_ELSE}` };
  log(`building the LiveKit server ${LIVEKIT_VERSION} with Go (once; a few minutes)…`);
  fs.mkdirSync(path.dirname(bin), { recursive: true });
  const gobin = fs.mkdtempSync(path.join(path.dirname(bin), ".gobin-"));
  const r = spawnSync("go", ["install", MODULE], {
    env: childProcessEnv({ GOBIN: gobin, CGO_ENABLED: "0" }),
    stdio: ["ignore", "inherit", "inherit"],
  });
  try {
    if (r.status !== 0) return { error: `building the LiveKit server failed (go install ${MODULE}). ${HOW_ELSE}` };
    fs.renameSync(path.join(gobin, "server"), bin);
    return { bin };
  } finally {
    fs.rmSync(gobin, { recursive: true, force: true });
  }
}

/** A loopback config: UDP on lo needs the loopback candidate, or ICE falls back to TCP and takes seconds longer. */
export function writeLivekitConfig(e: Env): string {
  const file = path.join(e.dataDir, "livekit.yaml");
  const yaml = `# Written by the launcher on every start (scripts/launcher/livekit.ts).
port: ${e.LIVEKIT_PORT}
bind_addresses: ["127.0.0.1"]
development: true
keys:
  ${e.LIVEKIT_API_KEY}: ${e.LIVEKIT_API_SECRET}
rtc:
  use_external_ip: false
  node_ip: 127.0.0.1
  enable_loopback_candidate: true
  tcp_port: ${e.LIVEKIT_RTC_TCP_PORT}
  udp_port: ${e.LIVEKIT_RTC_UDP_PORT}
room:
  empty_timeout: 60
  departure_timeout: 10
webhook:
  api_key: ${e.LIVEKIT_API_KEY}
  urls: ["http://127.0.0.1:${e.PORT}/api/livekit/webhook"]
logging:
  level: warn
`;
  fs.writeFileSync(file, yaml, { mode: 0o600 });
  return file;
}
