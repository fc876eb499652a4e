import { Redis } from "ioredis";
import { quiet } from "../bus/quiet-redis";

/**
 * Remembers the tickets already used, until they expire, so a ticket opens one connection only
 * (a ticket seen in a log, a proxy or a shared screen cannot be replayed within its minute).
 * `claim` answers true for the first use of an id and false for every later one.
 */
export interface TicketClaims {
  claim(jti: string, expiresAt: number, now?: number): Promise<boolean>;
  close(): Promise<void>;
}

/** One presence process: a map pruned as it goes. */
export class MemoryTicketClaims implements TicketClaims {
  private used = new Map<string, number>();
  private prunedAt = 0;

  async claim(jti: string, expiresAt: number, now = Date.now()): Promise<boolean> {
    // Expired ids are dropped every few seconds, not on every claim: a reconnection storm brings
    // thousands of tickets within a minute, and a sweep per claim would cost their square.
    if (now - this.prunedAt >= 5000) {
      this.prunedAt = now;
      for (const [id, exp] of this.used) if (exp <= now) this.used.delete(id);
    }
    const exp = this.used.get(jti);
    if (exp !== undefined && exp > now) return false;
    this.used.set(jti, expiresAt);
    return true;
  }

  get size(): number {
    return this.used.size;
  }

  async close(): Promise<void> {}
}

/** Several presence nodes: one SET NX per ticket in Redis, expiring with the ticket, so it holds across nodes. */
export class RedisTicketClaims implements TicketClaims {
  private redis: Redis;

  constructor(url: string) {
    this.redis = quiet(new Redis(url, { maxRetriesPerRequest: 3 }));
  }

  async claim(jti: string, expiresAt: number, now = Date.now()): Promise<boolean> {
    // At least a second: an expiring ticket is refused by its signature check anyway.
    const ttl = Math.max(1000, expiresAt - now + 1000);
    return (await this.redis.set(`portal:ticket:${jti}`, "1", "PX", ttl, "NX")) === "OK";
  }

  async close(): Promise<void> {
    this.redis.disconnect();
  }
}

export function ticketClaims(redisUrl: string | undefined): TicketClaims {
  return redisUrl ? new RedisTicketClaims(redisUrl) : new MemoryTicketClaims();
}
