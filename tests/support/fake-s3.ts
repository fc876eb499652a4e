import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { childProcessEnv } from "../../lib/env";
import { freePort } from "./free-port";

const root = path.resolve(import.meta.dirname, "../..");
const MODULE = "github.com/johannesboyne/gofakes3/cmd/gofakes3@v1.2.0";
export const FAKE_S3_BIN = path.join(root, ".bin/gofakes3");

/**
 * An S3-compatible server for tests (gofakes3, built once with Go into .bin/ like LiveKit). Object
 * storage is not ours: the storage module under test talks real S3 HTTP with SigV4 to it.
 */
export function ensureFakeS3(): string {
  if (fs.existsSync(FAKE_S3_BIN)) return FAKE_S3_BIN;
  const gobin = fs.mkdtempSync(path.join(root, ".bin/.gobin-"));
  const r = spawnSync("go", ["install", MODULE], { env: childProcessEnv({ GOBIN: gobin, CGO_ENABLED: "0" }), stdio: "inherit" });
  if (r.status !== 0) throw new Error(`could not build ${MODULE} with Go`);
  fs.renameSync(path.join(gobin, "gofakes3"), FAKE_S3_BIN);
  fs.rmSync(gobin, { recursive: true, force: true });
  return FAKE_S3_BIN;
}

export async function startFakeS3(bucket: string): Promise<{ endpoint: string; stop: () => void }> {
  const port = await freePort();
  const child: ChildProcess = spawn(
    ensureFakeS3(),
    ["-backend", "memory", "-initialbucket", bucket, "-host", `127.0.0.1:${port}`, "-quiet"],
    { stdio: "ignore" },
  );
  const endpoint = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    if (
      await fetch(endpoint).then(
        () => true,
        () => false,
      )
    )
      break;
    await new Promise((r) => setTimeout(r, 100));
  }
  return { endpoint, stop: () => child.kill() };
}
