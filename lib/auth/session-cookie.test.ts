import { describe, expect, it } from "vitest";
import { hasSessionCookie } from "./session-cookie";

describe("whether a request carries a session cookie", () => {
  it("knows next-auth's names, whole, chunked and secure", () => {
    for (const name of [
      "next-auth.session-token",
      "next-auth.session-token.0",
      "__Secure-next-auth.session-token",
      "__Secure-next-auth.session-token.1",
    ])
      expect(hasSessionCookie(["portal-guest", name]), name).toBe(true);
  });

  it("is not fooled by next-auth's other cookies or look-alikes", () => {
    expect(hasSessionCookie([])).toBe(false);
    expect(hasSessionCookie(["next-auth.csrf-token", "next-auth.callback-url", "__Host-next-auth.csrf-token"])).toBe(false);
    expect(hasSessionCookie(["next-auth.session-token-x", "xnext-auth.session-token", "next-auth.session-token.a"])).toBe(false);
  });
});
