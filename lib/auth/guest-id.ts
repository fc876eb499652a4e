import { createHmac } from "node:crypto";

/**
 * A guest has two ids. The cookie value is a secret: whoever holds it acts as the guest (calls a
 * shop, signs the order). Everything the other party can see (the LiveKit identity, bus keys,
 * events, stored call and order rows) carries only the public id, an HMAC of that secret under the
 * server's AUTH_SECRET: it names the guest but cannot be turned back into the cookie, and a cookie
 * set to a public id maps to a different public id, so copying it gets an agent nowhere.
 */
export const GUEST_SECRET_PATTERN = /^[A-Za-z0-9_-]{22}$/;

export function publicGuestId(serverSecret: string, cookieSecret: string): string {
  // The label keeps this HMAC apart from any other use of the same server secret.
  return createHmac("sha256", serverSecret).update(`portal guest public id\0${cookieSecret}`).digest("base64url").slice(0, 22);
}
