import http from "node:http";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { db, disconnectDb } from "../../lib/db/client";
import { api, newAddress, person, signIn, useStackDatabase } from "../support/http";
import { streamUntilAnswered } from "../support/raw-http";

/** Regression tests for the edge findings of the hardening review (each failed on the code before it). */

type Err = { error: { code: string; message: string } };

beforeAll(() => useStackDatabase());
afterAll(() => disconnectDb());

function expectJsonError(res: { status: number; body: unknown; headers: Headers }, status: number) {
  expect(res.status).toBe(status);
  expect(res.headers.get("content-type")).toMatch(/^application\/json/);
  const b = res.body as Err;
  expect(typeof b.error.code).toBe("string");
  expect(typeof b.error.message).toBe("string");
}

async function member() {
  const p = person();
  const reg = await api("/api/register", { method: "POST", json: p });
  expect(reg.status).toBe(201);
  const { cookie } = await signIn(p.email, p.password);
  return cookie!;
}

describe("JSON errors at the edge", () => {
  it("answers a bad percent-encoding in a path with 400 (JSON for the API, a readable page otherwise)", async () => {
    for (const path of ["/api/calls/%", "/api/calls/%ED%A0%80", "/api/mall/calls/%/token", "/api/members/%E0%A4%A/photo"]) {
      expectJsonError(await api(path), 400);
    }
    const page = await api<string>("/ada%");
    expect(page.status).toBe(400);
    expect(page.headers.get("content-type")).toMatch(/^text\/html/);
    expect(page.body).toContain("Bad address");
  });

  it("answers unknown API paths with a JSON 404 and wrong methods with a JSON 405 and Allow", async () => {
    expectJsonError(await api("/api/no-such-endpoint"), 404);
    expectJsonError(await api("/api/calls/x/y/z/w"), 404);
    const wrong = await api("/api/numbers/check", { method: "DELETE" });
    expectJsonError(wrong, 405);
    expect(wrong.headers.get("allow")).toBe("GET, HEAD, OPTIONS");
    const put = await api("/api/blocks", { method: "PUT", json: {} });
    expectJsonError(put, 405);
    expect(put.headers.get("allow")).toContain("POST");
  });

  it("answers next-auth's own errors in the JSON error shape", async () => {
    expectJsonError(await api("/api/auth/nonsense"), 400);
    const res = await api("/api/auth/callback/credentials", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "identifier=%&password=%E0%A4%A&csrfToken=%ED%A0%80&json=true",
    });
    // next-auth answers a failed credentials sign-in in its own protocol (200 with an error URL for json=true).
    expect(res.status).toBeLessThan(500);
    if (res.status >= 400) expectJsonError(res, res.status);
    // next-auth parsed a JSON body unguarded: a truncated one was a 500.
    const json = await api("/api/auth/callback/credentials", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: '{"identifier":"2000',
    });
    expectJsonError(json, 415);
  });

  it("answers over-long headers with a JSON 431", async () => {
    const url = new URL("/api/health", inject("baseUrl"));
    const res = await new Promise<{ status: number; type: string; body: string }>((resolve, reject) => {
      const req = http.get(url, { headers: { "x-padding": "a".repeat(32 * 1024) } }, (r) => {
        let body = "";
        r.setEncoding("utf8");
        r.on("data", (d: string) => (body += d));
        r.on("end", () => resolve({ status: r.statusCode ?? 0, type: String(r.headers["content-type"]), body }));
      });
      req.on("error", reject);
    });
    expect(res.status).toBe(431);
    expect(res.type).toMatch(/^application\/json/);
    expect(JSON.parse(res.body).error.code).toBe("BAD_REQUEST");
  });

  it("resolves /api/resolve/%25 once: a 404, not a 500", async () => {
    expectJsonError(await api("/api/resolve/%25"), 404);
  });
});

describe("lone surrogates in JSON", () => {
  it("refuses them with 400 on holds, calls and blocks", async () => {
    const cookie = await member();
    expectJsonError(
      await api("/api/numbers/hold", { method: "POST", headers: { "content-type": "application/json" }, body: '{"number":"\\ud800"}' }),
      400,
    );
    for (const path of ["/api/calls", "/api/blocks", "/api/mall/calls"]) {
      const res = await api(path, {
        method: "POST",
        headers: { cookie, "content-type": "application/json" },
        body: '{"to":"\\ud800","handle":"\\ud800","memberId":"\\udfff","shop":"\\ud800","kind":"video"}',
      });
      expectJsonError(res, 400);
    }
  });

  it("refuses NUL characters too (PostgreSQL's text cannot hold them) in bodies, path and query", async () => {
    const cookie = await member();
    expectJsonError(
      await api("/api/calls", {
        method: "POST",
        headers: { cookie, "content-type": "application/json" },
        body: '{"handle":"a\\u0000b","kind":"video"}',
      }),
      400,
    );
    expectJsonError(await api("/api/members/%00/greeting"), 400);
    expectJsonError(await api("/api/console/calls/%00", { headers: { cookie } }), 400);
    expectJsonError(await api("/api/directory?q=%00", { headers: { cookie } }), 400);
  });

  it("refuses a registration with one before using up a sequence number", async () => {
    const client = await db();
    const before = await client.counter.findMany({ orderBy: { name: "asc" } });
    const p = person();
    const body = JSON.stringify(p).replace(`"${p.displayName}"`, `"${p.displayName}\\ud800"`);
    expect(body).toContain("\\ud800");
    const res = await api("/api/register", { method: "POST", headers: { "content-type": "application/json" }, body });
    expectJsonError(res, 400);
    expect(await client.counter.findMany({ orderBy: { name: "asc" } })).toEqual(before);
  });
});

describe("bodies are limited while reading", () => {
  const MiB = 1024 * 1024;

  it("stops reading a chunked body at the limit (holds, webhook, upload piece, registration, product image)", async () => {
    const cookie = await member();
    const cases: [string, Record<string, string>][] = [
      ["/api/numbers/hold", { "content-type": "application/json" }],
      ["/api/livekit/webhook", { "content-type": "application/webhook+json", authorization: "x" }],
      [
        "/api/mailbox/uploads/some-upload",
        { ":method": "PATCH", "content-type": "application/offset+octet-stream", "upload-offset": "0", "upload-token": "x" },
      ],
      ["/api/register", { "content-type": "multipart/form-data; boundary=xyz" }],
      ["/api/console/shops/any-shop/products/p1/image", { "content-type": "multipart/form-data; boundary=xyz", cookie }],
    ];
    for (const [path, headers] of cases) {
      const res = await streamUntilAnswered(path, { ...headers }, 32 * MiB);
      expect(res.status, path).toBe(413);
      expect(JSON.parse(res.body).error.code, path).toBe("PAYLOAD_TOO_LARGE");
      // Answered long before the 32 MiB were sent (the socket buffers hold a few MiB at most).
      expect(res.sent, path).toBeLessThan(20 * MiB);
    }
  });

  it("refuses a declared length over the limit without reading the body", async () => {
    const url = new URL("/api/numbers/hold", inject("baseUrl"));
    const res = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = http.request(
        url,
        {
          method: "POST",
          headers: { "content-type": "application/json", "content-length": String(32 * MiB), "x-forwarded-for": newAddress() },
        },
        (r) => {
          let body = "";
          r.setEncoding("utf8");
          r.on("data", (d: string) => (body += d));
          r.on("end", () => {
            req.destroy();
            resolve({ status: r.statusCode ?? 0, body });
          });
        },
      );
      req.on("error", () => {});
      // Only a few bytes of the declared 32 MiB: a server waiting for the rest never answers.
      req.write('{"number":');
      req.on("close", () => reject(new Error("closed without an answer")));
    });
    expect(res.status).toBe(413);
    expect(JSON.parse(res.body).error.code).toBe("PAYLOAD_TOO_LARGE");
  });
});

describe("security headers", () => {
  it("sends a strict CSP with a fresh nonce on pages, and no framing", async () => {
    const a = await api<string>("/directory");
    const b = await api<string>("/directory");
    const csp = a.headers.get("content-security-policy") ?? "";
    const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(csp)?.[1];
    expect(nonce).toBeTruthy();
    expect(b.headers.get("content-security-policy")).not.toBe(csp);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'(;|$)/);
    expect(csp).toMatch(/connect-src 'self' [^;]*ws:\/\/[^;]*http:\/\//);
    // Every script Next.js renders carries this response's nonce.
    const scripts = [...a.body.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const s of scripts) expect(s).toContain(`nonce="${nonce}"`);
    for (const res of [a, await api("/api/health"), await api("/api/nothing")]) {
      expect(res.headers.get("x-frame-options")).toBe("DENY");
      expect(res.headers.get("x-content-type-options")).toBe("nosniff");
      expect(res.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
      expect(res.headers.get("permissions-policy")).toContain("camera=(self)");
    }
    expect((await api("/api/health")).headers.get("content-security-policy")).toContain("default-src 'none'");
  });
});

describe("sign-in redirect", () => {
  it("only follows same-site paths after signing in", async () => {
    const cookie = await member();
    for (const [callbackUrl, expected] of [
      ["//evil.example", "/"],
      ["/\\evil.example", "/"],
      ["https://evil.example/x", "/"],
      ["/mailbox", "/mailbox"],
    ] as const) {
      const res = await api(`/signin?callbackUrl=${encodeURIComponent(callbackUrl)}`, { headers: { cookie } });
      expect(res.status, callbackUrl).toBeGreaterThanOrEqual(300);
      expect(res.status, callbackUrl).toBeLessThan(400);
      const location = res.headers.get("location") ?? "";
      expect(new URL(location, inject("baseUrl")).origin, callbackUrl).toBe(new URL(inject("baseUrl")).origin);
      expect(new URL(location, inject("baseUrl")).pathname, callbackUrl).toBe(expected);
    }
  });
});

describe("cross-site requests", () => {
  it("refuses state changes from another site, and passes same-origin and server-to-server requests", async () => {
    const origin = new URL(inject("baseUrl")).origin;
    const hold = (headers: Record<string, string>) =>
      api("/api/numbers/hold", { method: "POST", headers, json: { number: "200010000001" } });
    expectJsonError(await hold({ origin: "https://evil.example" }), 403);
    expectJsonError(await hold({ "sec-fetch-site": "cross-site" }), 403);
    expectJsonError(await hold({ origin: "null" }), 403);
    for (const headers of [{}, { origin }, { origin, "sec-fetch-site": "same-origin" }] as Record<string, string>[]) {
      const res = await hold(headers);
      expect(res.status, JSON.stringify(headers)).not.toBe(403);
      expect(res.status, JSON.stringify(headers)).toBeLessThan(500);
    }
    // next-auth's sign-in is a state change too.
    expectJsonError(
      await api("/api/auth/callback/credentials", {
        method: "POST",
        headers: { origin: "https://evil.example", "content-type": "application/x-www-form-urlencoded" },
        body: "identifier=a&password=b",
      }),
      403,
    );
  });

  it("parses the content type exactly: JSON inside text/plain is refused", async () => {
    for (const type of ["text/plain; application/json", "application/jsonx", "x/y; application/json"]) {
      expectJsonError(
        await api("/api/numbers/hold", { method: "POST", headers: { "content-type": type }, body: '{"number":"200010000001"}' }),
        415,
      );
    }
    const ok = await api("/api/numbers/hold", {
      method: "POST",
      headers: { "content-type": "Application/JSON; charset=utf-8" },
      body: '{"number":"abc"}',
    });
    expect(ok.status).not.toBe(415);
  });

  it("takes the product image only as multipart, not as a plain form post", async () => {
    const cookie = await member();
    const res = await api("/api/console/shops/any-shop/products/p1/image", {
      method: "POST",
      headers: { cookie, "content-type": "application/x-www-form-urlencoded" },
      body: "image=x",
    });
    expectJsonError(res, 415);
  });
});
