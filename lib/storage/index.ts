import { createReadStream } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { env } from "../env";
import { s3Storage } from "./s3";

/**
 * Where uploaded files live. Embedded default: files under the data folder.
 * With S3_* set, an S3-compatible bucket instead (./s3.ts).
 */
export interface Storage {
  put(key: string, bytes: Uint8Array): Promise<void>;
  get(key: string): Promise<Buffer | null>;
  delete(key: string): Promise<void>;
  /** Moves a finished local file in (recordings: too big to hold in memory). */
  putFile(key: string, localPath: string): Promise<void>;
  /** Size in bytes, or null when there is no such file. */
  size(key: string): Promise<number | null>;
  /** Bytes start..end (inclusive) as a web stream, for HTTP range requests. */
  stream(key: string, range: { start: number; end: number }): ReadableStream<Uint8Array>;
}

const SAFE_KEY = /^[a-z0-9][a-z0-9/_-]*(\.[a-z0-9]+)?$/;

export function diskStorage(root: string): Storage {
  const file = (key: string) => {
    if (!SAFE_KEY.test(key) || key.includes("..")) throw new Error(`unsafe storage key: ${key}`);
    return path.join(root, key);
  };
  return {
    async put(key, bytes) {
      const target = file(key);
      await fs.mkdir(path.dirname(target), { recursive: true });
      // Write then rename, so a reader never sees half a file.
      const tmp = `${target}.${process.pid}.tmp`;
      await fs.writeFile(tmp, bytes);
      await fs.rename(tmp, target);
    },
    async get(key) {
      try {
        return await fs.readFile(file(key));
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === "ENOENT") return null;
        throw err;
      }
    },
    async delete(key) {
      await fs.rm(file(key), { force: true });
    },
    async putFile(key, localPath) {
      const target = file(key);
      await fs.mkdir(path.dirname(target), { recursive: true });
      try {
        await fs.rename(localPath, target);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== "EXDEV") throw err;
        await fs.copyFile(localPath, `${target}.tmp`);
        await fs.rename(`${target}.tmp`, target);
        await fs.rm(localPath, { force: true });
      }
    },
    async size(key) {
      try {
        return (await fs.stat(file(key))).size;
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === "ENOENT") return null;
        throw err;
      }
    },
    stream(key, { start, end }) {
      return Readable.toWeb(createReadStream(file(key), { start, end })) as ReadableStream<Uint8Array>;
    },
  };
}

let instance: Storage | undefined;
/** S3-compatible object storage when S3_* are set; otherwise files under <DATA_DIR>/files. */
export function storage(): Storage {
  const e = env();
  instance ??=
    e.S3_ENDPOINT && e.S3_BUCKET && e.S3_ACCESS_KEY_ID && e.S3_SECRET_ACCESS_KEY
      ? s3Storage({
          endpoint: e.S3_ENDPOINT,
          bucket: e.S3_BUCKET,
          accessKeyId: e.S3_ACCESS_KEY_ID,
          secretAccessKey: e.S3_SECRET_ACCESS_KEY,
          region: e.S3_REGION,
        })
      : diskStorage(path.join(e.dataDir, "files"));
  return instance;
}
