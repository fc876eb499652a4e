import { type ChildProcess, spawn } from "node:child_process";
import { childProcessEnv } from "../../lib/env";

export type ServiceSpec = {
  name: string;
  command: string;
  args: string[];
  env?: Record<string, string | undefined>;
  cwd?: string;
  /** Resolves when the service answers; the supervisor waits on it before calling the next ready. */
  ready?: () => Promise<boolean>;
  /** Restarts allowed within a minute before giving up on the whole portal. */
  maxRestartsPerMinute?: number;
};

const COLORS = ["\x1b[36m", "\x1b[35m", "\x1b[33m", "\x1b[32m", "\x1b[34m"];
const RESET = "\x1b[0m";

/**
 * Starts several processes, prefixes their output, restarts one that dies
 * (with backoff, a bounded number of times), and stops them all together.
 */
export class Supervisor {
  private children = new Map<string, ChildProcess>();
  private restarts = new Map<string, number[]>();
  private stopping = false;
  private color = 0;
  onFatal: (reason: string) => void = () => {};

  constructor(private readonly quiet = false) {}

  start(spec: ServiceSpec): void {
    const color = COLORS[this.color++ % COLORS.length];
    const run = () => {
      const child = spawn(spec.command, spec.args, {
        cwd: spec.cwd,
        env: childProcessEnv(spec.env),
        stdio: ["ignore", "pipe", "pipe"],
        detached: true,
      });
      this.children.set(spec.name, child);
      const prefix = `${color}${spec.name.padEnd(9)}${RESET}| `;
      const pipe = (stream: NodeJS.ReadableStream | null, out: NodeJS.WriteStream) => {
        let buf = "";
        stream?.on("data", (chunk: Buffer) => {
          buf += chunk.toString();
          const lines = buf.split("\n");
          buf = lines.pop() ?? "";
          if (!this.quiet) for (const line of lines) out.write(prefix + line + "\n");
        });
      };
      pipe(child.stdout, process.stdout);
      pipe(child.stderr, process.stderr);
      child.on("exit", (code, signal) => {
        this.children.delete(spec.name);
        if (this.stopping) return;
        const now = Date.now();
        const recent = (this.restarts.get(spec.name) ?? []).filter((t) => now - t < 60_000);
        if (recent.length >= (spec.maxRestartsPerMinute ?? 3)) {
          this.onFatal(`${spec.name} keeps exiting (last: ${signal ?? `code ${code}`}); giving up`);
          return;
        }
        recent.push(now);
        this.restarts.set(spec.name, recent);
        const delay = 500 * 2 ** (recent.length - 1);
        console.error(`${prefix}exited (${signal ?? `code ${code}`}); restarting in ${delay} ms`);
        setTimeout(() => !this.stopping && run(), delay);
      });
    };
    run();
  }

  async stopAll(timeoutMs = 8000): Promise<void> {
    this.stopping = true;
    const waits = [...this.children.values()].map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          const timer = setTimeout(() => {
            killGroup(child, "SIGKILL");
            resolve();
          }, timeoutMs);
          child.once("exit", () => {
            clearTimeout(timer);
            resolve();
          });
          killGroup(child, "SIGTERM");
        }),
    );
    await Promise.all(waits);
  }
}

/** Each service runs in its own process group, so its own children stop with it. */
function killGroup(child: ChildProcess, signal: NodeJS.Signals) {
  try {
    if (child.pid) process.kill(-child.pid, signal);
  } catch {
    child.kill(signal);
  }
}

export async function waitFor(check: () => Promise<boolean>, timeoutMs: number, intervalMs = 250): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return true;
    await new Promise((r) => setTimeout(r, intervalMs));
  }
  return false;
}

export async function httpOk(url: string): Promise<boolean> {
  const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
  return res.ok;
}

/** Whether nothing listens on host:port yet (a leftover server would otherwise answer our health checks). */
export function portFree(port: number, host = "127.0.0.1"): Promise<boolean> {
  return import("node:net").then(
    ({ createServer }) =>
      new Promise<boolean>((resolve) => {
        const srv = createServer();
        srv.once("error", () => resolve(false));
        srv.listen(port, host, () => srv.close(() => resolve(true)));
      }),
  );
}
