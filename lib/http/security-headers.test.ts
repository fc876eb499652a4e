import { describe, expect, it } from "vitest";
import { baseSecurityHeaders, connectSources, pageCsp } from "./security-headers";

describe("security headers", () => {
  it("adds HSTS only when the portal is served over https", () => {
    expect(baseSecurityHeaders({ https: true })["strict-transport-security"]).toMatch(/max-age=\d+/);
    expect(baseSecurityHeaders({ https: false })["strict-transport-security"]).toBeUndefined();
    expect(baseSecurityHeaders({ https: false })["x-frame-options"]).toBe("DENY");
  });

  it("allows the presence server and LiveKit in both their ws and http forms", () => {
    expect(connectSources(["http://localhost:3001", "wss://media.example:7880", "not a url"])).toEqual([
      "http://localhost:3001",
      "ws://localhost:3001",
      "https://media.example:7880",
      "wss://media.example:7880",
    ]);
  });

  it("builds a page policy with the nonce and without unsafe script sources", () => {
    const csp = pageCsp({ nonce: "abc", connect: ["ws://h:1"], dev: false, https: false });
    expect(csp).toContain("script-src 'self' 'nonce-abc' 'strict-dynamic'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe/);
    expect(csp).toContain("connect-src 'self' ws://h:1");
    expect(csp).toContain("frame-ancestors 'none'");
  });
});
