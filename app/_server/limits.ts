import "server-only";
import { env } from "@/lib/env";
import { counterStore } from "@/lib/http/counter-store";
import { clientAddress, RateLimiter } from "@/lib/http/rate-limit";
import { messageLimiter } from "@/lib/messages/send-limit";

let limiters:
  | Record<
      "auth" | "lookup" | "resolve" | "holds" | "calls" | "mall" | "greetings" | "contactRequests" | "conversations" | "typing" | "rooms",
      RateLimiter
    >
  | undefined;

const HOUR = 3600_000;

function get() {
  const e = env();
  const store = counterStore();
  limiters ??= {
    auth: new RateLimiter(store, "auth", e.RATE_LIMIT_AUTH_PER_MINUTE, 60_000, "sign-up attempts"),
    lookup: new RateLimiter(store, "lookup", e.RATE_LIMIT_LOOKUP_PER_MINUTE, 60_000, "number look-ups"),
    resolve: new RateLimiter(store, "resolve", e.RATE_LIMIT_RESOLVE_PER_MINUTE, 60_000, "address look-ups"),
    holds: new RateLimiter(store, "holds", e.NUMBER_HOLDS_PER_HOUR, HOUR, "numbers held from this address"),
    calls: new RateLimiter(store, "calls", e.RATE_LIMIT_CALLS_PER_MINUTE, 60_000, "calls"),
    mall: new RateLimiter(store, "mall", e.RATE_LIMIT_MALL_CALLS_PER_MINUTE, 60_000, "calls to shops"),
    greetings: new RateLimiter(store, "greetings", e.GREETING_UPLOADS_PER_HOUR, HOUR, "greeting recordings this hour"),
    contactRequests: new RateLimiter(store, "contact-requests", e.CONTACT_REQUESTS_PER_HOUR, HOUR, "contact requests this hour"),
    conversations: new RateLimiter(store, "conversations", e.NEW_CONVERSATIONS_PER_HOUR, HOUR, "new conversations this hour"),
    // A device says "typing" at most every 3 s: 40 a minute leaves room for several devices.
    typing: new RateLimiter(store, "typing", 40, 60_000, "typing notices this minute"),
    // A page reload is a new token; twenty a minute is far above anyone's use and bounds a loop.
    rooms: new RateLimiter(store, "rooms", 20, 60_000, "room joins this minute"),
  };
  return limiters;
}

export const limitRegistration = (req: Request) => get().auth.hit(clientAddress(req));
export const limitLookup = (req: Request) => get().lookup.hit(clientAddress(req));
/** /<number> and /<email>: one answer per guess, so a tighter allowance than typing in the number picker. */
export const limitResolve = (req: Request) => get().resolve.hit(clientAddress(req));
/** Per address and hour: a browser without cookies is a new holder each time, so holders cannot be counted. */
export const limitHolds = (req: Request) => get().holds.hit(clientAddress(req));
/** Per member, not per address: one member, however many devices, places a few calls a minute. */
export const limitCalls = (memberId: string) => get().calls.hit(memberId);
/** Per address: guests call shops too, and have no account to count by. */
export const limitMallCalls = (req: Request) => get().mall.hit(clientAddress(req));
/** Per member: each greeting is ffmpeg work and storage. */
export const limitGreetings = (memberId: string) => get().greetings.hit(memberId);
/** Per member: a request reaches a stranger, so this is where request spam is held back. */
export const limitContactRequests = (memberId: string) => get().contactRequests.hit(memberId);
/** Per member: messages reach other people, strangers among them. */
export const limitMessages = (memberId: string) => messageLimiter().hit(memberId);
/** Per member: typing notices, a few a minute from each device. */
export const limitTyping = (memberId: string) => get().typing.hit(memberId);
/** Per member: each join of a group's room mints a token and tells the group's pages. */
export const limitRoomJoins = (memberId: string) => get().rooms.hit(memberId);
/** Per member, only when a conversation is new: where unsolicited messages to strangers are held back. */
export const limitNewConversations = (memberId: string) => get().conversations.hit(memberId);
