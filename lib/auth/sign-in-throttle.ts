import { DomainError } from "../errors";
import type { CounterStore } from "../http/rate-limit";
import { formatWait } from "../http/rate-limit";
import { numberIn } from "../numbers/spelling";

/**
 * Sign-in throttling that a stranger cannot turn against a member. A member's number is public, so a
 * lock that anyone's failures set would let anyone keep them out. Failures are therefore counted:
 *  - per identifier and client address (IPv6 by /64): a small allowance, so whoever guesses locks
 *    out themselves;
 *  - per identifier from all addresses: a much larger allowance against guesses spread over many
 *    addresses. A browser that signed in to the account before (a signed known-device cookie) is
 *    exempt from this one, as OWASP's "device cookies" propose, so such an attack locks out only
 *    browsers the member never used; the device's own failures are counted per device instead.
 *
 * Keys are the identifier as typed and normalized, never the member it names: an email and a number
 * of one account are counted apart, so locking one says nothing about whether the other is the same
 * account, and an identifier that names nobody is counted exactly like one that does (no database
 * look-up at all). The cost: spreading guesses over both identifiers of one account doubles the
 * all-address allowance. Failures are kept a day; a success forgets those it was checked against.
 */
export type ThrottleLimits = {
  perAddress: number;
  perAccount: number;
  firstDelayMs?: number;
  maxDelayMs?: number;
  now?: number;
};

/** `identifier` from signInIdentifierKey, `address` from addressKey, `device` the known-device id when its cookie names this account. */
export type SignInAttempt = { identifier: string; address: string; device: string | null };

const DAY = 24 * 3600_000;

/** The identifier as typed: a number in any spacing as its digits, anything else lower-cased (as the email look-up does). */
export function signInIdentifierKey(typed: string): string {
  const id = typed.trim().slice(0, 260);
  const digits = numberIn(id);
  return digits ? `n:${digits}` : `e:${id.toLowerCase()}`;
}

/** The lockout after the n-th failure beyond the allowance (0, 1, …): 30 s doubling up to 15 min. */
export function lockoutMs(over: number, first = 30_000, max = 15 * 60_000): number {
  return Math.min(max, first * 2 ** Math.min(over, 20));
}

type Bucket = { key: string; allowance: number; everywhere: boolean };

function bucketsFor(a: SignInAttempt, limits: ThrottleLimits): Bucket[] {
  const here: Bucket = { key: `a:${a.address}:${a.identifier}`, allowance: limits.perAddress, everywhere: false };
  return a.device
    ? [here, { key: `d:${a.device}`, allowance: limits.perAddress, everywhere: false }]
    : [here, { key: `i:${a.identifier}`, allowance: limits.perAccount, everywhere: true }];
}

export async function assertNotLockedOut(store: CounterStore, a: SignInAttempt, limits: ThrottleLimits): Promise<void> {
  const buckets = bucketsFor(a, limits);
  for (const b of buckets) {
    const lock = await store.peek(`signin-lock:${b.key}`, limits.now);
    if (lock.count > 0) throw lockedOut(b, lock.resetInMs);
  }
  // Failures are only known after the password check, so guesses sent all at once would each pass the
  // lock check above: attempts are also counted up front (atomically), at most the allowance per
  // first lockout period.
  for (const b of buckets) {
    const burst = await store.incr(`signin-burst:${b.key}`, limits.firstDelayMs ?? 30_000, limits.now);
    if (burst.count > b.allowance) throw lockedOut(b, burst.resetInMs);
  }
}

function lockedOut(b: Bucket, resetInMs: number) {
  const retryAfterSeconds = Math.max(1, Math.ceil(resetInMs / 1000));
  const wait = formatWait(retryAfterSeconds);
  const message = b.everywhere
    ? `Too many failed sign-ins for this account from many places; try again in ${wait}, or from a browser you have signed in with before`
    : `Too many failed sign-ins for this account from here; try again in ${wait}`;
  return new DomainError("RATE_LIMITED", message, { retryAfterSeconds });
}

export async function recordSignInFailure(store: CounterStore, a: SignInAttempt, limits: ThrottleLimits): Promise<void> {
  for (const b of bucketsFor(a, limits)) {
    const { count } = await store.incr(`signin-fail:${b.key}`, DAY, limits.now);
    if (count >= b.allowance) {
      const ms = lockoutMs(count - b.allowance, limits.firstDelayMs, limits.maxDelayMs);
      await store.reset(`signin-lock:${b.key}`);
      await store.incr(`signin-lock:${b.key}`, ms, limits.now);
    }
  }
}

export async function recordSignInSuccess(store: CounterStore, a: SignInAttempt, limits: ThrottleLimits): Promise<void> {
  for (const b of bucketsFor(a, limits)) {
    await store.reset(`signin-fail:${b.key}`);
    await store.reset(`signin-lock:${b.key}`);
    await store.reset(`signin-burst:${b.key}`);
  }
}
