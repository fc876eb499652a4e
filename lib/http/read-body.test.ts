import { describe, expect, it } from "vitest";
import { DomainError } from "../errors";
import { hasUnstorableText, jsonDepthExceeds, mediaType, readBodyLimited } from "./read-body";

function streamOf(chunks: number, size: number, pulled: { n: number }): ReadableStream<Uint8Array> {
  return new ReadableStream(
    {
      pull(controller) {
        if (pulled.n >= chunks) return controller.close();
        pulled.n++;
        controller.enqueue(new Uint8Array(size));
      },
    },
    { highWaterMark: 0 },
  );
}

describe("readBodyLimited", () => {
  it("refuses a declared length over the limit before reading anything", async () => {
    const pulled = { n: 0 };
    // What the server's Request carries (a Request built here may not set content-length itself).
    const req = { headers: new Headers({ "content-length": "102400" }), body: streamOf(100, 1024, pulled) } as unknown as Request;
    await expect(readBodyLimited(req, 10_000)).rejects.toMatchObject({ code: "PAYLOAD_TOO_LARGE" });
    expect(pulled.n).toBe(0);
  });

  it("stops pulling a stream without a length as soon as it passes the limit", async () => {
    const pulled = { n: 0 };
    const req = new Request("http://x/", { method: "POST", body: streamOf(32 * 1024, 1024, pulled), duplex: "half" } as RequestInit);
    const err = await readBodyLimited(req, 10 * 1024).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DomainError);
    expect((err as DomainError).code).toBe("PAYLOAD_TOO_LARGE");
    // 11 pieces of 1 kB pass 10 kB; the stream may have been asked for one more ahead.
    expect(pulled.n).toBeLessThan(16);
  });

  it("returns the bytes of a body within the limit", async () => {
    const req = new Request("http://x/", { method: "POST", body: "hello" });
    expect(new TextDecoder().decode(await readBodyLimited(req, 5))).toBe("hello");
  });
});

describe("body checks", () => {
  it("reads the media type exactly", () => {
    expect(mediaType("Application/JSON; charset=utf-8")).toBe("application/json");
    expect(mediaType("text/plain; application/json")).toBe("text/plain");
    expect(mediaType(null)).toBe("");
  });

  it("finds lone surrogates in values and keys", () => {
    expect(hasUnstorableText(JSON.parse('{"a":["x","\\ud800"]}'))).toBe(true);
    expect(hasUnstorableText(JSON.parse('{"\\udfff":1}'))).toBe(true);
    expect(hasUnstorableText(JSON.parse('{"a":"\\ud83d\\ude00"}'))).toBe(false);
    // PostgreSQL's text cannot hold NUL: refused like a lone surrogate, in values and keys.
    expect(hasUnstorableText(JSON.parse('{"a":"x\\u0000y"}'))).toBe(true);
    expect(hasUnstorableText({ "k\u0000": "v" })).toBe(true);
  });

  it("measures nesting without parsing, ignoring brackets inside strings", () => {
    expect(jsonDepthExceeds("[".repeat(40) + "]".repeat(40), 32)).toBe(true);
    expect(jsonDepthExceeds('{"a":"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["}', 32)).toBe(false);
    expect(jsonDepthExceeds('{"a":"\\"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["}', 32)).toBe(false);
  });
});
