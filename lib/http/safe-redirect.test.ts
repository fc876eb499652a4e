import { describe, expect, it } from "vitest";
import { safeRedirectPath } from "./safe-redirect";

describe("safeRedirectPath", () => {
  it("keeps same-origin paths", () => {
    expect(safeRedirectPath("/mailbox")).toBe("/mailbox");
    expect(safeRedirectPath("/mall/shop?x=1#top")).toBe("/mall/shop?x=1#top");
    expect(safeRedirectPath(undefined)).toBeNull();
  });

  it("sends anything that leaves the site to /", () => {
    for (const bad of [
      "//evil.example",
      "/\\evil.example",
      "https://evil.example",
      "http:evil.example",
      "evil.example",
      "/\t/evil.example",
      "/%0a/evil",
      "\\\\evil.example",
      "javascript:alert(1)",
      " //evil.example",
    ]) {
      const out = safeRedirectPath(bad);
      expect(out, bad).not.toBeNull();
      expect(new URL(out!, "http://portal.invalid").origin, bad).toBe("http://portal.invalid");
    }
    expect(safeRedirectPath("//evil.example")).toBe("/");
    // Dot segments that collapse into "//" once resolved (found in review).
    for (const dotted of ["/.//evil.example", "/a/..//evil.example", "/x/%2e%2e//evil.example", "/./%2e//evil.example"]) {
      expect(safeRedirectPath(dotted), dotted).toBe("/");
    }
    expect(safeRedirectPath("/\\evil.example")).toBe("/");
    expect(safeRedirectPath("https://evil.example")).toBe("/");
    expect(safeRedirectPath(["/a", "/b"])).toBe("/");
  });
});
