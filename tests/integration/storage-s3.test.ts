import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Storage } from "../../lib/storage";
import { s3Storage } from "../../lib/storage/s3";
import { startFakeS3 } from "../support/fake-s3";

let server: Awaited<ReturnType<typeof startFakeS3>>;
let store: Storage;
beforeAll(async () => {
  server = await startFakeS3("portal-test");
  store = s3Storage({
    endpoint: server.endpoint,
    bucket: "portal-test",
    accessKeyId: "test",
    secretAccessKey: "test-secret",
    region: "us-east-1",
  });
});
afterAll(() => server?.stop());

const read = async (s: ReadableStream<Uint8Array>) => Buffer.from(await new Response(s).arrayBuffer());

describe("S3-compatible storage", () => {
  it("puts, reads, measures, streams a byte range, moves a local file in and deletes", async () => {
    const bytes = Buffer.from(Array.from({ length: 5000 }, (_, i) => i % 256));
    await store.put("mailbox/m1/a.webm", bytes);
    expect(await store.get("mailbox/m1/a.webm")).toEqual(bytes);
    expect(await store.size("mailbox/m1/a.webm")).toBe(5000);
    expect(await read(store.stream("mailbox/m1/a.webm", { start: 100, end: 199 }))).toEqual(bytes.subarray(100, 200));

    const local = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "s3-")), "final.webm");
    fs.writeFileSync(local, bytes.subarray(0, 1234));
    await store.putFile("mailbox/m1/b.webm", local);
    expect(fs.existsSync(local)).toBe(false);
    expect(await store.size("mailbox/m1/b.webm")).toBe(1234);

    await store.delete("mailbox/m1/a.webm");
    expect(await store.get("mailbox/m1/a.webm")).toBeNull();
    expect(await store.size("mailbox/m1/a.webm")).toBeNull();
    await expect(store.delete("mailbox/m1/a.webm")).resolves.toBeUndefined();
  });

  it("says which request failed and how, for a bucket that does not exist", async () => {
    const wrong = s3Storage({
      endpoint: server.endpoint,
      bucket: "no-such-bucket",
      accessKeyId: "test",
      secretAccessKey: "test-secret",
      region: "us-east-1",
    });
    await expect(wrong.put("k/a.bin", Buffer.from("x"))).rejects.toThrow(/object storage: PUT k\/a.bin answered 404/);
  });
});
