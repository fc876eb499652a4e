import { describe, expect, it } from "vitest";
import { MemoryStore } from "../http/rate-limit";
import {
  assertNotLockedOut,
  lockoutMs,
  recordSignInFailure,
  recordSignInSuccess,
  type SignInAttempt,
  signInIdentifierKey,
} from "./sign-in-throttle";

const limits = (now: number) => ({ perAddress: 5, perAccount: 50, now });
const from = (address: string, identifier = "n:200010000001", device: string | null = null): SignInAttempt => ({
  identifier,
  address,
  device,
});

/** The lock's wait in seconds and its message, or null when the attempt may go ahead. */
async function lockedFor(store: MemoryStore, a: SignInAttempt, now: number): Promise<{ wait: number; message: string } | null> {
  try {
    await assertNotLockedOut(store, a, limits(now));
    return null;
  } catch (e) {
    return { wait: (e as { details: { retryAfterSeconds: number } }).details.retryAfterSeconds, message: (e as Error).message };
  }
}

async function fail(store: MemoryStore, a: SignInAttempt, now: number) {
  expect(await lockedFor(store, a, now)).toBeNull();
  await recordSignInFailure(store, a, limits(now));
}

describe("sign-in throttling", () => {
  it("grows from 30 s, doubling, to at most 15 min", () => {
    expect([0, 1, 2, 3, 4, 5, 6, 50].map((n) => lockoutMs(n) / 1000)).toEqual([30, 60, 120, 240, 480, 900, 900, 900]);
  });

  it("locks the address that fails 5 times, not the account: the member signs in from another address", async () => {
    const store = new MemoryStore();
    let t = 1_000_000;
    for (let i = 0; i < 5; i++) await fail(store, from("198.51.100.7"), t);
    expect(await lockedFor(store, from("198.51.100.7"), t)).toMatchObject({ wait: 30, message: expect.stringMatching(/from here/) });
    expect(await lockedFor(store, from("203.0.113.9"), t)).toBeNull();
    // The attacker's own lockout doubles, and a success elsewhere does not lift it.
    await recordSignInSuccess(store, from("203.0.113.9"), limits(t));
    t += 31_000;
    await fail(store, from("198.51.100.7"), t);
    expect((await lockedFor(store, from("198.51.100.7"), t))?.wait).toBe(60);
  });

  it("a success resets that address's count", async () => {
    const store = new MemoryStore();
    for (let i = 0; i < 4; i++) await fail(store, from("198.51.100.7"), 0);
    await recordSignInSuccess(store, from("198.51.100.7"), limits(0));
    for (let i = 0; i < 4; i++) await fail(store, from("198.51.100.7"), 0);
    expect(await lockedFor(store, from("198.51.100.7"), 0)).toBeNull();
  });

  it("locks an identifier failed from many addresses, for every browser it does not know", async () => {
    const store = new MemoryStore();
    for (let i = 0; i < 50; i++) await fail(store, from(`10.0.${i >> 8}.${i & 255}`), 0);
    const stranger = await lockedFor(store, from("192.0.2.1"), 0);
    expect(stranger).toMatchObject({
      wait: 30,
      message: expect.stringMatching(/from many places.*a browser you have signed in with before/),
    });
    // A browser that signed in to this account before is exempt from that count...
    expect(await lockedFor(store, from("192.0.2.1", "n:200010000001", "device-1"), 0)).toBeNull();
    // ...and its own successes leave it standing for everyone else.
    await recordSignInSuccess(store, from("192.0.2.1", "n:200010000001", "device-1"), limits(0));
    expect(await lockedFor(store, from("192.0.2.2"), 0)).not.toBeNull();
  });

  it("still locks a known browser that fails on its own: per address, and per device across addresses", async () => {
    const store = new MemoryStore();
    for (let i = 0; i < 5; i++) await fail(store, from("198.51.100.7", "n:200010000001", "device-1"), 0);
    expect(await lockedFor(store, from("198.51.100.7", "n:200010000001", "device-1"), 0)).not.toBeNull();
    // A stolen device cookie taken elsewhere is still that device.
    expect(await lockedFor(store, from("203.0.113.9", "n:200010000001", "device-1"), 0)).not.toBeNull();
    // Its failures are not the account's: another browser is not affected.
    expect(await lockedFor(store, from("203.0.113.9"), 0)).toBeNull();
  });

  it("lets at most the allowance through when guesses arrive all at once (before any has failed)", async () => {
    const store = new MemoryStore();
    const one = await Promise.allSettled(Array.from({ length: 20 }, () => assertNotLockedOut(store, from("198.51.100.7"), limits(0))));
    expect(one.filter((g) => g.status === "fulfilled")).toHaveLength(5);
    expect((one.find((g) => g.status === "rejected") as PromiseRejectedResult).reason.details.retryAfterSeconds).toBe(30);
    const many = await Promise.allSettled(
      Array.from({ length: 80 }, (_, i) => assertNotLockedOut(store, from(`10.1.0.${i}`, "e:x@example.test"), limits(0))),
    );
    expect(many.filter((g) => g.status === "fulfilled")).toHaveLength(50);
  });

  it("keys an identifier as typed: a number in any spacing is one key, an email in any case another, and the two never meet", () => {
    expect(signInIdentifierKey(" 2000 1000-0001 ")).toBe(signInIdentifierKey("200010000001"));
    // A spelled number is the same account, and the same count: spelling it another way gains no tries.
    expect(signInIdentifierKey("2222 222 pizza")).toBe(signInIdentifierKey("222222274992"));
    expect(signInIdentifierKey("2222222PIZZA")).toBe(signInIdentifierKey("2222 2227 4992"));
    expect(signInIdentifierKey("Ada@Example.org")).toBe(signInIdentifierKey("ada@example.org "));
    expect(signInIdentifierKey("ada@example.org")).not.toBe(signInIdentifierKey("200010000001"));
    expect(signInIdentifierKey("x".repeat(5000)).length).toBeLessThan(300);
  });

  it("locking an email says nothing about the number of the same account (and unknown identifiers lock alike)", async () => {
    const store = new MemoryStore();
    const email = signInIdentifierKey("ada@example.org");
    for (let i = 0; i < 50; i++) await fail(store, from(`10.2.0.${i}`, email), 0);
    expect(await lockedFor(store, from("192.0.2.1", email), 0)).not.toBeNull();
    expect(await lockedFor(store, from("192.0.2.1", signInIdentifierKey("2000 1000 0001")), 0)).toBeNull();
  });
});
