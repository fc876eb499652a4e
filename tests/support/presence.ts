import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import { io, type Socket } from "socket.io-client";
import { childProcessEnv } from "../../lib/env";
import type { ClientToServer, MemberEvent, PresenceChange, ServerToClient } from "../../lib/presence/events";
import { issueTicket } from "../../lib/presence/tickets";

const root = path.resolve(import.meta.dirname, "../..");
export const TEST_PRESENCE_SECRET = "integration-test-presence-secret-0123456789";

export type NodeHandle = {
  url: string;
  nodeId: string;
  proc: ChildProcess;
  log: () => string;
  kill: (sig?: NodeJS.Signals) => Promise<void>;
};

/** Starts a real presence server process (server/presence/main.ts) and waits until it is ready. */
export async function startPresenceNode(opts: {
  port: number;
  nodeId: string;
  databaseUrl: string;
  env?: Record<string, string>;
}): Promise<NodeHandle> {
  const proc = spawn(process.execPath, ["--import", "tsx", "server/presence/main.ts"], {
    cwd: root,
    env: childProcessEnv({
      DATABASE_URL: opts.databaseUrl,
      PRESENCE_PORT: String(opts.port),
      PRESENCE_NODE_ID: opts.nodeId,
      PRESENCE_SECRET: TEST_PRESENCE_SECRET,
      NODE_ENV: "production",
      AUTH_SECRET: "integration-test-auth-secret-0123456789abcdef",
      // Production refuses to start without every secret; the presence server never calls LiveKit.
      LIVEKIT_URL: "ws://127.0.0.1:9",
      LIVEKIT_API_KEY: "presence-test",
      LIVEKIT_API_SECRET: "integration-test-livekit-secret-0123456789",
      ...opts.env,
    }),
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  proc.stdout!.on("data", (b) => (out += b));
  proc.stderr!.on("data", (b) => (out += b));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`presence node did not start:\n${out}`)), 30_000);
    const check = setInterval(() => {
      if (out.includes("presence: ready")) {
        clearInterval(check);
        clearTimeout(timer);
        resolve();
      }
    }, 50);
    proc.on("exit", () => {
      clearInterval(check);
      clearTimeout(timer);
      reject(new Error(`presence node exited:\n${out}`));
    });
  });
  return {
    url: `http://127.0.0.1:${opts.port}`,
    nodeId: opts.nodeId,
    proc,
    log: () => out,
    kill: (sig = "SIGTERM") =>
      new Promise((resolve) => {
        if (proc.exitCode !== null || proc.signalCode !== null) return resolve();
        proc.once("exit", () => resolve());
        proc.kill(sig);
      }),
  };
}

export type TestClient = Socket<ServerToClient, ClientToServer> & {
  presence: PresenceChange[];
  events: MemberEvent[];
  statusOf: (memberId: string) => string | undefined;
};

/** A real Socket.IO client, as the browser's, holding a member's or a guest's ticket. */
export function connectClient(
  url: string,
  auth: { ticket?: string; deviceId?: string; lastEventId?: string } | (() => Promise<{ ticket?: string; lastEventId?: string }>),
  opts: { transports?: ("websocket" | "polling")[]; reconnection?: boolean } = {},
): TestClient {
  const socket = io(url, {
    forceNew: true,
    transports: opts.transports ?? ["websocket", "polling"],
    tryAllTransports: true,
    reconnection: opts.reconnection ?? false,
    reconnectionDelay: 200,
    reconnectionDelayMax: 1000,
    auth: typeof auth === "function" ? (cb) => void auth().then((a) => cb(a)) : auth,
  }) as TestClient;
  socket.presence = [];
  socket.events = [];
  const latest = new Map<string, string>();
  socket.on("presence", (changes) => {
    socket.presence.push(...changes);
    for (const c of changes) latest.set(c.memberId, c.status);
  });
  socket.on("event", (e) => socket.events.push(e));
  socket.statusOf = (id) => latest.get(id);
  return socket;
}

export function memberTicket(memberId: string, ttl?: number) {
  return issueTicket(TEST_PRESENCE_SECRET, { kind: "member", memberId }, ttl);
}

export function waitConnected(s: Socket): Promise<void> {
  return new Promise((resolve, reject) => {
    if (s.connected) return resolve();
    s.once("connect", () => resolve());
    s.once("connect_error", (e) => reject(e));
  });
}

export function connectError(s: Socket): Promise<string> {
  return new Promise((resolve) => s.once("connect_error", (e) => resolve(e.message)));
}

/** Watches members and returns the statuses the server answered with. */
export function watch(s: TestClient, ids: string[]): Promise<Record<string, string>> {
  return new Promise((resolve) => s.emit("watch", ids, (st) => resolve(st)));
}

export async function until<T>(fn: () => T | Promise<T>, timeoutMs: number, what: string, intervalMs = 100): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}
