import { describe, expect, it } from "vitest";
import { MemoryStore } from "../http/rate-limit";
import { assertNotLockedOut, lockoutMs, recordSignInFailure, recordSignInSuccess } from "./sign-in-throttle";

const opts = (now: number) => ({ failuresBeforeLockout: 5, now });

async function lockedFor(store: MemoryStore, account: string, now: number): Promise<number | null> {
  try {
    await assertNotLockedOut(store, account, opts(now));
    return null;
  } catch (e) {
    return (e as { details: { retryAfterSeconds: number } }).details.retryAfterSeconds;
  }
}

describe("per-account sign-in throttling", () => {
  it("grows from 30 s, doubling, to at most 15 min", () => {
    expect([0, 1, 2, 3, 4, 5, 6, 50].map((n) => lockoutMs(n) / 1000)).toEqual([30, 60, 120, 240, 480, 900, 900, 900]);
  });

  it("locks an account after 5 failures, says when to retry, doubles, and a success resets", async () => {
    const store = new MemoryStore();
    let t = 1_000_000;
    for (let i = 0; i < 4; i++) {
      expect(await lockedFor(store, "m:1", t)).toBeNull();
      await recordSignInFailure(store, "m:1", opts(t));
    }
    expect(await lockedFor(store, "m:1", t)).toBeNull();
    await recordSignInFailure(store, "m:1", opts(t));
    expect(await lockedFor(store, "m:1", t)).toBe(30);
    // Another account is not affected.
    expect(await lockedFor(store, "m:2", t)).toBeNull();
    t += 31_000;
    expect(await lockedFor(store, "m:1", t)).toBeNull();
    await recordSignInFailure(store, "m:1", opts(t));
    expect(await lockedFor(store, "m:1", t)).toBe(60);
    t += 61_000;
    await recordSignInSuccess(store, "m:1");
    for (let i = 0; i < 4; i++) await recordSignInFailure(store, "m:1", opts(t));
    expect(await lockedFor(store, "m:1", t)).toBeNull();
  });

  it("lets at most the allowance through when guesses arrive all at once (before any has failed)", async () => {
    const store = new MemoryStore();
    const gate = await Promise.allSettled(Array.from({ length: 20 }, () => assertNotLockedOut(store, "m:burst", opts(0))));
    expect(gate.filter((g) => g.status === "fulfilled")).toHaveLength(5);
    expect((gate.find((g) => g.status === "rejected") as PromiseRejectedResult).reason.details.retryAfterSeconds).toBe(30);
  });

  it("counts an identifier that names nobody the same way (a lockout reveals nothing)", async () => {
    const store = new MemoryStore();
    for (let i = 0; i < 5; i++) await recordSignInFailure(store, "i:nobody@example.test", opts(0));
    expect(await lockedFor(store, "i:nobody@example.test", 0)).toBe(30);
  });
});
