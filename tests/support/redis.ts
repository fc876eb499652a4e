import { type ChildProcess, spawn } from "node:child_process";
import net from "node:net";
import { freePort } from "./free-port";
import { until } from "./presence";

/** A throwaway Redis (Debian's redis-server) on a free port (or `at`, to restart one), for tests with several presence nodes. */
export async function startRedis(at?: number): Promise<{ url: string; port: number; stop: () => void }> {
  const port = at ?? (await freePort());
  const proc: ChildProcess = spawn("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], {
    stdio: "ignore",
  });
  await until(
    () =>
      new Promise<boolean>((r) =>
        net
          .connect(port, "127.0.0.1")
          .on("connect", function (this: net.Socket) {
            this.end();
            r(true);
          })
          .on("error", () => r(false)),
      ),
    10_000,
    "redis",
  );
  return { url: `redis://127.0.0.1:${port}`, port, stop: () => void proc.kill("SIGKILL") };
}
