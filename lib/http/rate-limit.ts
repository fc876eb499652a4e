import { DomainError } from "../errors";

/**
 * A fixed-window counter per key, in memory. Each Next.js process keeps its own
 * windows; that bounds a stranger per process, which is what we need until
 * several web nodes share a Redis.
 */
export class RateLimiter {
  private windows = new Map<string, { start: number; count: number }>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly label: string,
  ) {}

  /** Counts one attempt; throws RATE_LIMITED with a retry time when over the limit. */
  hit(key: string, now = Date.now()): void {
    if (this.windows.size > 50_000) this.sweep(now);
    const w = this.windows.get(key);
    if (!w || now - w.start >= this.windowMs) {
      this.windows.set(key, { start: now, count: 1 });
      return;
    }
    w.count++;
    if (w.count > this.limit) {
      const retryAfterSeconds = Math.max(1, Math.ceil((w.start + this.windowMs - now) / 1000));
      throw new DomainError("RATE_LIMITED", `Too many ${this.label}; please wait ${retryAfterSeconds} s and try again`, {
        retryAfterSeconds,
      });
    }
  }

  private sweep(now: number) {
    for (const [k, w] of this.windows) if (now - w.start >= this.windowMs) this.windows.delete(k);
  }
}

/**
 * The client's address. server/web.ts overwrites x-forwarded-for with the
 * socket's address unless TRUST_PROXY is set, so the first entry is safe to use.
 */
export function clientAddress(req: Request): string {
  const xff = req.headers.get("x-forwarded-for");
  return xff?.split(",")[0]?.trim() || "unknown";
}
