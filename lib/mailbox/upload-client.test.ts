import { describe, expect, it } from "vitest";
import { uploadRecording, UploadError } from "./upload-client";

/** A pretend server keeping the bytes it received, with a switch to drop requests on the floor. */
function fakeServer(opts: { dropPatch?: (n: number) => boolean; refuseAt?: number } = {}) {
  const received: number[] = [];
  let stored = new Uint8Array(0);
  let length = 0;
  let patches = 0;
  const fetchImpl = (async (url: string, init?: RequestInit) => {
    const method = init?.method ?? "GET";
    const json = (status: number, body: unknown) =>
      new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });
    if (method === "POST") {
      length = (JSON.parse(init!.body as string) as { length: number }).length;
      return json(201, { id: "u1", token: "t", offset: 0, length });
    }
    if (method === "GET") return json(200, { offset: stored.length, length });
    const n = ++patches;
    const headers = new Headers(init!.headers);
    const offset = Number(headers.get("upload-offset"));
    const piece = new Uint8Array(await (init!.body as Blob).arrayBuffer());
    received.push(piece.length);
    if (opts.refuseAt === n) return json(413, { error: { code: "PAYLOAD_TOO_LARGE", message: "A message can last at most 3 min" } });
    if (offset !== stored.length) return json(409, { error: { code: "CONFLICT", message: "resume", offset: stored.length } });
    // A dropped request may still have reached the server: keep its bytes, lose the answer.
    const merged = new Uint8Array(stored.length + piece.length);
    merged.set(stored);
    merged.set(piece, stored.length);
    stored = merged;
    if (opts.dropPatch?.(n)) throw new TypeError("network error");
    return json(200, { offset: stored.length, length, done: stored.length === length, ...(stored.length === length ? { id: "m1" } : {}) });
  }) as unknown as typeof fetch;
  return { fetchImpl, received, stored: () => stored };
}

const blobOf = (n: number) => new Blob([Uint8Array.from({ length: n }, (_, i) => i % 251)]);
const start = { purpose: "message" as const, to: "someone", kind: "video" as const, guestName: "G" };

describe("the upload client", () => {
  it("sends pieces that start at 64 kB and double, and reports progress to the end", async () => {
    const server = fakeServer();
    const progress: number[] = [];
    const r = await uploadRecording(blobOf(1_000_000), start, { fetchImpl: server.fetchImpl, onProgress: (s) => progress.push(s) });
    expect(r.id).toBe("m1");
    expect(server.received.slice(0, 4)).toEqual([65536, 131072, 262144, 524288]);
    expect(progress.at(-1)).toBe(1_000_000);
    expect(Buffer.compare(server.stored(), new Uint8Array(await blobOf(1_000_000).arrayBuffer()))).toBe(0);
  });

  it("after a lost answer asks where the upload stands and carries on from there, sending nothing twice", async () => {
    const server = fakeServer({ dropPatch: (n) => n === 2 });
    let retries = 0;
    await uploadRecording(blobOf(400_000), start, { fetchImpl: server.fetchImpl, onRetry: () => retries++ });
    expect(retries).toBe(1);
    // The piece whose answer was lost had arrived; the next one starts after it, small again.
    expect(server.received).toEqual([65536, 131072, 65536, 131072, 6784]);
    expect(Buffer.compare(server.stored(), new Uint8Array(await blobOf(400_000).arrayBuffer()))).toBe(0);
  });

  it("does not retry a refusal: the server's reason is the error", async () => {
    const server = fakeServer({ refuseAt: 1 });
    await expect(uploadRecording(blobOf(10_000), start, { fetchImpl: server.fetchImpl })).rejects.toThrow(UploadError);
    await expect(uploadRecording(blobOf(10_000), start, { fetchImpl: fakeServer({ refuseAt: 1 }).fetchImpl })).rejects.toThrow(
      /at most 3 min/,
    );
  });
});
