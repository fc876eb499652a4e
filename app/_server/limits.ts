import "server-only";
import { env } from "@/lib/env";
import { clientAddress, RateLimiter } from "@/lib/http/rate-limit";

let limiters: { auth: RateLimiter; lookup: RateLimiter; calls: RateLimiter; mall: RateLimiter } | undefined;

function get() {
  const e = env();
  limiters ??= {
    auth: new RateLimiter(e.RATE_LIMIT_AUTH_PER_MINUTE, 60_000, "sign-up attempts"),
    lookup: new RateLimiter(e.RATE_LIMIT_LOOKUP_PER_MINUTE, 60_000, "number look-ups"),
    calls: new RateLimiter(e.RATE_LIMIT_CALLS_PER_MINUTE, 60_000, "calls"),
    mall: new RateLimiter(e.RATE_LIMIT_MALL_CALLS_PER_MINUTE, 60_000, "calls to shops"),
  };
  return limiters;
}

export const limitRegistration = (req: Request) => get().auth.hit(clientAddress(req));
export const limitLookup = (req: Request) => get().lookup.hit(clientAddress(req));
/** Per member, not per address: one member, however many devices, places a few calls a minute. */
export const limitCalls = (memberId: string) => get().calls.hit(memberId);
/** Per address: guests call shops too, and have no account to count by. */
export const limitMallCalls = (req: Request) => get().mall.hit(clientAddress(req));
