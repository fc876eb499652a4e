import { describe, expect, inject, it } from "vitest";
import { api, person } from "../support/http";
import { rawRequest } from "../support/raw-http";

/**
 * Regression tests for the second edge review: what reaches Next.js at all (page paths take GET
 * and HEAD only; every request target is normalized before it is routed) and which pages get the
 * Content-Security-Policy. Each failed on the code before its fix.
 */

type Err = { error: { code: string; message: string } };

describe("request targets are normalized before routing", () => {
  it("routes absolute-form targets like their path: JSON 404 and 405 under /api", async () => {
    const base = new URL(inject("baseUrl"));
    for (const origin of [`http://${base.host}`, "http://elsewhere.example", "HTTP://ELSEWHERE.EXAMPLE"]) {
      const missing = await rawRequest(`GET ${origin}/api/nothing HTTP/1.1`);
      expect(missing.status, origin).toBe(404);
      expect(missing.headers["content-type"], origin).toMatch(/^application\/json/);
      expect((JSON.parse(missing.body) as Err).error.code).toBe("NOT_FOUND");
      const wrong = await rawRequest(`DELETE ${origin}/api/health HTTP/1.1`);
      expect(wrong.status, origin).toBe(405);
      expect(wrong.headers.allow, origin).toContain("GET");
      expect(wrong.headers["content-security-policy"], origin).toContain("default-src 'none'");
    }
  });

  it("resolves dot segments as Next.js does before deciding what is an API path", async () => {
    for (const target of ["/./api/health", "/x/../api/health", "/%2e/api/health"]) {
      const res = await rawRequest(`DELETE ${target} HTTP/1.1`);
      expect(res.status, target).toBe(405);
      expect(res.headers["content-type"], target).toMatch(/^application\/json/);
    }
    expect((await rawRequest("GET /api/./health HTTP/1.1")).status).toBe(200);
  });

  it("answers a target that is neither a path nor an http URL with a JSON 400", async () => {
    const res = await rawRequest("OPTIONS * HTTP/1.1");
    expect(res.status).toBe(400);
    expect((JSON.parse(res.body) as Err).error.code).toBe("BAD_REQUEST");
  });
});

describe("the pages' Content-Security-Policy", () => {
  it("is sent on a member page whose handle starts with favicon", async () => {
    const p = person();
    const handle = `faviconfan-${p.handle.slice(2)}`;
    expect((await api("/api/register", { method: "POST", json: { ...p, handle } })).status).toBe(201);
    for (const path of [`/${handle}`, "/faviconfan"]) {
      const res = await api<string>(path);
      const csp = res.headers.get("content-security-policy") ?? "";
      expect(csp, path).toMatch(/script-src 'self' 'nonce-[^']+'/);
      expect(csp, path).toContain("frame-ancestors 'none'");
    }
  });
});
