import { describe, expect, inject, it } from "vitest";
import { api, person } from "../support/http";
import { rawRequest, streamUntilAnswered } from "../support/raw-http";

/**
 * Regression tests for the second edge review: what reaches Next.js at all (page paths take GET
 * and HEAD only; every request target is normalized before it is routed) and which pages get the
 * Content-Security-Policy. Each failed on the code before its fix.
 */

const MiB = 1024 * 1024;
type Err = { error: { code: string; message: string } };

describe("page paths take GET and HEAD only", () => {
  it("refuses a 5 MiB chunked POST to a page with a readable 405 before reading the body", async () => {
    const res = await streamUntilAnswered("/directory", { "content-type": "application/x-www-form-urlencoded" }, 5 * MiB);
    expect(res.status).toBe(405);
    expect(res.body).toMatch(/<h1>[^<]+<\/h1>/);
    // Next.js' proxy read up to 10 MB of a page request's body before anything answered.
    // Measured from the kernels' queues at the answer, to within about 100 kB; the guard reads 64 KiB at most.
    expect(res.read).toBeLessThan(MiB);
    expect(res.sent).toBeLessThan(5 * MiB);
  });

  it("answers PUT, PATCH, DELETE and OPTIONS on pages with 405 and Allow: GET, HEAD", async () => {
    for (const method of ["PUT", "PATCH", "DELETE", "OPTIONS", "POST"]) {
      const res = await api<string>("/mall", { method, body: method === "OPTIONS" ? undefined : "a=1" });
      expect(res.status, method).toBe(405);
      expect(res.headers.get("allow"), method).toBe("GET, HEAD");
      expect(res.headers.get("content-type"), method).toMatch(/^text\/html/);
    }
  });

  it("keeps what legitimately reaches a page: GET forms without JavaScript, HEAD, and signing in", async () => {
    const search = await api<string>("/directory?name=ada&number=&city=");
    expect(search.status).toBe(200);
    expect(search.body).toContain("Ada Okafor");
    expect((await api("/", { method: "HEAD" })).status).toBe(200);
    // The home page's "reach a number" form is a GET to the route handler /go.
    const go = await api("/go?n=2000+1000+0001");
    expect(go.status).toBe(303);
    expect(go.headers.get("location")).toMatch(/\/200010000001$/);
    // next-auth's own pages and posts live under /api/auth, which is not a page path.
    expect((await api<string>("/api/auth/signin", { redirect: "manual" })).status).toBeLessThan(400);
  });
});

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
      expect((await rawRequest(`POST ${origin}/directory HTTP/1.1\r\ncontent-length: 0`)).status, origin).toBe(405);
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
