import { DomainError } from "../errors";
import type { CounterStore } from "../http/rate-limit";
import { formatWait } from "../http/rate-limit";

export type ThrottleOptions = { failuresBeforeLockout: number; firstDelayMs?: number; maxDelayMs?: number; now?: number };

const DAY = 24 * 3600_000;

/** The lockout after the n-th failure beyond the allowance (0, 1, …): 30 s doubling up to 15 min. */
export function lockoutMs(over: number, first = 30_000, max = 15 * 60_000): number {
  return Math.min(max, first * 2 ** Math.min(over, 20));
}

/**
 * Per-account sign-in throttling. `account` is the normalized identifier (or the member id it
 * names); unknown accounts are counted exactly like real ones, so a lockout reveals nothing.
 * Failures are kept a day; a success forgets them.
 */
export async function assertNotLockedOut(store: CounterStore, account: string, opts: ThrottleOptions): Promise<void> {
  const lock = await store.peek(`signin-lock:${account}`, opts.now);
  if (lock.count > 0) throw lockedOut(lock.resetInMs);
  // Failures are only known after the password check, so guesses sent all at once would each pass the
  // lock check above: attempts are also counted up front (atomically), at most the allowance per
  // first lockout period.
  const burst = await store.incr(`signin-burst:${account}`, opts.firstDelayMs ?? 30_000, opts.now);
  if (burst.count > opts.failuresBeforeLockout) throw lockedOut(burst.resetInMs);
}

function lockedOut(resetInMs: number) {
  const retryAfterSeconds = Math.max(1, Math.ceil(resetInMs / 1000));
  return new DomainError("RATE_LIMITED", `Too many failed sign-ins for this account; try again in ${formatWait(retryAfterSeconds)}`, {
    retryAfterSeconds,
  });
}

export async function recordSignInFailure(store: CounterStore, account: string, opts: ThrottleOptions): Promise<void> {
  const { count } = await store.incr(`signin-fail:${account}`, DAY, opts.now);
  if (count >= opts.failuresBeforeLockout) {
    const ms = lockoutMs(count - opts.failuresBeforeLockout, opts.firstDelayMs, opts.maxDelayMs);
    await store.reset(`signin-lock:${account}`);
    await store.incr(`signin-lock:${account}`, ms, opts.now);
  }
}

export async function recordSignInSuccess(store: CounterStore, account: string): Promise<void> {
  await store.reset(`signin-fail:${account}`);
  await store.reset(`signin-lock:${account}`);
  await store.reset(`signin-burst:${account}`);
}
