import { describe, expect, it } from "vitest";
import { allowedOrigins, checkCrossSite } from "./csrf";

const allowed = allowedOrigins("http://localhost:3000", "127.0.0.1:3000", false);

describe("checkCrossSite", () => {
  it("lets safe methods through whatever their origin", () => {
    expect(checkCrossSite("GET", { origin: "https://evil.example", secFetchSite: "cross-site" }, allowed).ok).toBe(true);
  });

  it("refuses state changes from another origin or site", () => {
    expect(checkCrossSite("POST", { origin: "https://evil.example" }, allowed).ok).toBe(false);
    expect(checkCrossSite("DELETE", { origin: "null" }, allowed).ok).toBe(false);
    expect(checkCrossSite("PATCH", { secFetchSite: "cross-site" }, allowed).ok).toBe(false);
    expect(checkCrossSite("POST", { secFetchSite: "same-site" }, allowed).ok).toBe(false);
  });

  it("passes our own pages and requests from no browser at all", () => {
    expect(checkCrossSite("POST", { origin: "http://localhost:3000", secFetchSite: "same-origin" }, allowed).ok).toBe(true);
    expect(checkCrossSite("POST", { origin: "http://127.0.0.1:3000" }, allowed).ok).toBe(true);
    expect(checkCrossSite("POST", { secFetchSite: "none" }, allowed).ok).toBe(true);
    expect(checkCrossSite("POST", {}, allowed).ok).toBe(true);
  });
});
