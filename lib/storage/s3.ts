import fs from "node:fs/promises";
import { AwsClient } from "aws4fetch";
import type { Storage } from "./index";

export type S3Config = { endpoint: string; bucket: string; accessKeyId: string; secretAccessKey: string; region: string };

/**
 * Storage in an S3-compatible bucket (AWS S3, MinIO, Ceph, R2...), addressed path-style
 * (`<endpoint>/<bucket>/<key>`), each request signed with SigV4.
 */
export function s3Storage(cfg: S3Config): Storage {
  const aws = new AwsClient({ accessKeyId: cfg.accessKeyId, secretAccessKey: cfg.secretAccessKey, service: "s3", region: cfg.region });
  const url = (key: string) =>
    `${cfg.endpoint.replace(/\/$/, "")}/${encodeURIComponent(cfg.bucket)}/${key.split("/").map(encodeURIComponent).join("/")}`;
  const ok = async (res: Response, what: string) => {
    if (!res.ok) throw new Error(`object storage: ${what} answered ${res.status} ${(await res.text()).slice(0, 200)}`);
    return res;
  };
  return {
    async put(key, bytes) {
      await ok(await aws.fetch(url(key), { method: "PUT", body: bytes as unknown as BodyInit }), `PUT ${key}`);
    },
    async get(key) {
      const res = await aws.fetch(url(key));
      if (res.status === 404) return null;
      return Buffer.from(await (await ok(res, `GET ${key}`)).arrayBuffer());
    },
    async delete(key) {
      const res = await aws.fetch(url(key), { method: "DELETE" });
      if (res.status !== 404) await ok(res, `DELETE ${key}`);
    },
    async putFile(key, localPath) {
      // Recordings are capped (MAILBOX_MAX_BYTES), so one signed PUT of the whole file will do.
      await ok(await aws.fetch(url(key), { method: "PUT", body: await fs.readFile(localPath) }), `PUT ${key}`);
      await fs.rm(localPath, { force: true });
    },
    async size(key) {
      const res = await aws.fetch(url(key), { method: "HEAD" });
      if (res.status === 404) return null;
      await ok(res, `HEAD ${key}`);
      return Number(res.headers.get("content-length"));
    },
    stream(key, { start, end }) {
      const { readable, writable } = new TransformStream<Uint8Array, Uint8Array>();
      void aws
        .fetch(url(key), { headers: { range: `bytes=${start}-${end}` } })
        .then((res) => ok(res, `GET ${key}`))
        .then((res) => res.body!.pipeTo(writable))
        .catch((err) => writable.abort(err).catch(() => undefined));
      return readable;
    },
  };
}
