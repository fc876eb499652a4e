import { env } from "../env";
import { counterStore } from "../http/counter-store";
import { RateLimiter } from "../http/rate-limit";

let limiter: RateLimiter | undefined;

/**
 * Messages per member and minute, for the route and the presence server's socket alike. With Redis
 * both count in one place; on one machine each process counts its own, so a member who sends both
 * ways at once gets at most twice the allowance.
 */
export function messageLimiter(): RateLimiter {
  limiter ??= new RateLimiter(counterStore(), "messages", env().MESSAGES_PER_MINUTE, 60_000, "messages this minute");
  return limiter;
}
