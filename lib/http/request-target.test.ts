import { describe, expect, it } from "vitest";
import { normalizeTarget } from "./request-target";

describe("request targets", () => {
  it("keeps an ordinary path and its query as they came", () => {
    expect(normalizeTarget("/directory?name=ada&city=")).toEqual({ url: "/directory?name=ada&city=", pathname: "/directory" });
    expect(normalizeTarget("/2000%201000%200001")).toEqual({ url: "/2000%201000%200001", pathname: "/2000%201000%200001" });
    expect(normalizeTarget("/?q=a/../b")).toEqual({ url: "/?q=a/../b", pathname: "/" });
  });

  it("turns absolute-form into the path, with the target's host (found in review: it skipped the /api guard)", () => {
    expect(normalizeTarget("http://localhost:3000/api/nothing?x=1")).toEqual({
      url: "/api/nothing?x=1",
      pathname: "/api/nothing",
      host: "localhost:3000",
    });
    expect(normalizeTarget("HTTPS://Example.ORG/api/x")).toEqual({ url: "/api/x", pathname: "/api/x", host: "example.org" });
    expect(normalizeTarget("http://example.org")).toEqual({ url: "/", pathname: "/", host: "example.org" });
  });

  it("removes dot segments as a URL parser does, and keeps a leading // a path", () => {
    expect(normalizeTarget("/./api/health")?.pathname).toBe("/api/health");
    expect(normalizeTarget("/x/../api/health")?.pathname).toBe("/api/health");
    expect(normalizeTarget("/%2e/api/%2E%2E/api/health")?.pathname).toBe("/api/health");
    expect(normalizeTarget("/../../api/health")?.pathname).toBe("/api/health");
    expect(normalizeTarget("//api/health")?.pathname).toBe("//api/health");
  });

  it("refuses what is neither a path nor an http URL", () => {
    for (const raw of ["*", "example.com:443", "ftp://example.org/api/x", "http://", "api/health", ""]) {
      expect(normalizeTarget(raw), raw).toBeNull();
    }
  });
});
