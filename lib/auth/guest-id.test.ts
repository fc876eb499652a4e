import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { GUEST_SECRET_PATTERN, publicGuestId } from "./guest-id";

const SERVER = "unit-test-auth-secret-0123456789abcdef";

describe("a guest's public id", () => {
  it("is stable for one cookie and differs from the cookie itself", () => {
    const cookie = randomBytes(16).toString("base64url");
    expect(GUEST_SECRET_PATTERN.test(cookie)).toBe(true);
    expect(publicGuestId(SERVER, cookie)).toBe(publicGuestId(SERVER, cookie));
    expect(publicGuestId(SERVER, cookie)).not.toBe(cookie);
  });

  it("cannot be replayed as a cookie: a cookie set to a public id is another guest", () => {
    const cookie = randomBytes(16).toString("base64url");
    const seen = publicGuestId(SERVER, cookie);
    expect(publicGuestId(SERVER, seen)).not.toBe(seen);
  });

  it("depends on the server secret", () => {
    const cookie = randomBytes(16).toString("base64url");
    expect(publicGuestId(SERVER, cookie)).not.toBe(publicGuestId(`${SERVER}-other`, cookie));
  });
});
