import type { Redis } from "ioredis";
import { DomainError } from "../errors";

/**
 * Fixed-window counters behind one interface, so that several web processes can share them (Redis)
 * or a single one keeps them itself (memory). `incr` counts one hit and says how many the window
 * holds and when it ends.
 */
export interface CounterStore {
  incr(key: string, windowMs: number, now?: number): Promise<{ count: number; resetInMs: number }>;
  /** Forgets a key (a successful sign-in clears its failures). */
  reset(key: string): Promise<void>;
  /** The current count without counting (0 when the window is over). */
  peek(key: string, now?: number): Promise<{ count: number; resetInMs: number }>;
}

/**
 * Keys the memory store holds at most (about 25 MB with IPv6 keys). A flood of distinct keys, one
 * per address it can send from, then evicts the keys counted least recently, not a client that
 * keeps coming back.
 */
export const MEMORY_STORE_MAX_KEYS = 100_000;
const SWEEP_EVERY_MS = 5000;

type Window = { start: number; windowMs: number; count: number };

export class MemoryStore implements CounterStore {
  /** In order of the last count, oldest first: a Map iterates in insertion order, and a count re-inserts its key. */
  private windows = new Map<string, Window>();
  private nextSweep = 0;

  constructor(private readonly maxKeys = MEMORY_STORE_MAX_KEYS) {}

  /** How many keys are held. */
  get size(): number {
    return this.windows.size;
  }

  async incr(key: string, windowMs: number, now = Date.now()) {
    // Every few seconds rather than on every count: a full map would otherwise make each count O(n).
    if (now >= this.nextSweep) this.sweep(now);
    let w = this.windows.get(key);
    this.windows.delete(key);
    if (!w || now - w.start >= w.windowMs) w = { start: now, windowMs, count: 0 };
    w.count++;
    this.windows.set(key, w);
    if (this.windows.size > this.maxKeys) this.evictOldest();
    return { count: w.count, resetInMs: w.start + w.windowMs - now };
  }

  async reset(key: string) {
    this.windows.delete(key);
  }

  async peek(key: string, now = Date.now()) {
    const w = this.windows.get(key);
    if (!w || now - w.start >= w.windowMs) return { count: 0, resetInMs: 0 };
    return { count: w.count, resetInMs: w.start + w.windowMs - now };
  }

  /**
   * Down to 90% of the cap in one pass: deleted keys stay as holes at the front of a Map until it is
   * rehashed, so evicting one key per count would walk those holes every time.
   */
  private evictOldest() {
    let excess = this.windows.size - Math.floor(this.maxKeys * 0.9);
    for (const k of this.windows.keys()) {
      if (excess-- <= 0) break;
      this.windows.delete(k);
    }
  }

  private sweep(now: number) {
    this.nextSweep = now + SWEEP_EVERY_MS;
    for (const [k, w] of this.windows) if (now - w.start >= w.windowMs) this.windows.delete(k);
  }
}

// INCR and the expiry in one script: a crash between the two cannot leave a counter that never expires.
const INCR = `
local n = redis.call('INCR', KEYS[1])
if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]); ttl = tonumber(ARGV[1]) end
return {n, ttl}`;

/** Counters in Redis, shared by every web process (the window runs on Redis' clock). */
export class RedisStore implements CounterStore {
  constructor(
    private readonly redis: Redis,
    private readonly prefix = "rl:",
  ) {}

  async incr(key: string, windowMs: number) {
    const [count, ttl] = (await this.redis.eval(INCR, 1, this.prefix + key, String(windowMs))) as [number, number];
    return { count, resetInMs: ttl };
  }

  async reset(key: string) {
    await this.redis.del(this.prefix + key);
  }

  async peek(key: string) {
    const [count, ttl] = await this.redis
      .multi()
      .get(this.prefix + key)
      .pttl(this.prefix + key)
      .exec()
      .then((r) => (r ?? []).map((x) => x[1]));
    return count == null ? { count: 0, resetInMs: 0 } : { count: Number(count), resetInMs: Math.max(0, Number(ttl)) };
  }
}

/** A limit of `limit` hits per `windowMs` per key, counted in a store. */
export class RateLimiter {
  constructor(
    private readonly store: CounterStore,
    private readonly name: string,
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly label: string,
  ) {}

  /** Counts one attempt; throws RATE_LIMITED with a retry time when over the limit. */
  async hit(key: string, now?: number): Promise<void> {
    const { count, resetInMs } = await this.store.incr(`${this.name}:${key}`, this.windowMs, now);
    if (count > this.limit) {
      const retryAfterSeconds = Math.max(1, Math.ceil(resetInMs / 1000));
      throw new DomainError("RATE_LIMITED", `Too many ${this.label}; please wait ${formatWait(retryAfterSeconds)} and try again`, {
        retryAfterSeconds,
      });
    }
  }
}

export function formatWait(seconds: number): string {
  if (seconds < 120) return `${seconds} s`;
  if (seconds < 7200) return `${Math.ceil(seconds / 60)} min`;
  return `${Math.ceil(seconds / 3600)} h`;
}

/**
 * The client's address. server/web.ts replaces x-forwarded-for with the one address it trusts
 * (lib/http/client-address.ts), so the header holds exactly that.
 */
export function clientAddress(req: Request): string {
  const xff = req.headers.get("x-forwarded-for");
  return addressKey(xff?.split(",")[0]?.trim() || "unknown");
}

/**
 * What a client address counts as: an IPv4 address as it is, an IPv6 address by its /64 (one host
 * is usually handed a whole /64 and could walk through it to dodge per-address limits).
 */
export function addressKey(address: string): string {
  const a = address.replace(/%.*$/, "").replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, "");
  if (!a.includes(":")) return a;
  const [head = "", tail] = a.split("::");
  const front = head ? head.split(":") : [];
  const back = tail ? tail.split(":") : [];
  const groups = tail === undefined ? front : [...front, ...Array<string>(Math.max(0, 8 - front.length - back.length)).fill("0"), ...back];
  return `${groups
    .slice(0, 4)
    .map((g) => (parseInt(g, 16) || 0).toString(16))
    .join(":")}::/64`;
}
