import { describe, expect, it } from "vitest";
import { DomainError } from "../errors";
import { clientAddress, RateLimiter } from "./rate-limit";

describe("RateLimiter", () => {
  it("allows the limit, refuses the next with a retry time, and resets after the window", () => {
    const rl = new RateLimiter(3, 60_000, "attempts");
    for (let i = 0; i < 3; i++) rl.hit("a", 1000);
    let err: unknown;
    try {
      rl.hit("a", 31_000);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(DomainError);
    expect((err as DomainError).code).toBe("RATE_LIMITED");
    expect((err as DomainError).details?.retryAfterSeconds).toBe(30);
    expect(() => rl.hit("b", 31_000)).not.toThrow();
    expect(() => rl.hit("a", 61_000)).not.toThrow();
  });
  it("reads the first forwarded address", () => {
    const req = new Request("http://x/", { headers: { "x-forwarded-for": "10.0.0.7, 127.0.0.1" } });
    expect(clientAddress(req)).toBe("10.0.0.7");
    expect(clientAddress(new Request("http://x/"))).toBe("unknown");
  });
});
