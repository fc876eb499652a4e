import { createHmac } from "node:crypto";
import { env } from "../env";

/**
 * A call's media key: the parties' pages encrypt what they send with it (LiveKit's end-to-end
 * encryption), so a page where the call still rings can receive the caller's media — and draw it the
 * moment it answers — without being able to see or hear any of it before. Derived from the server's
 * secret and the call (nothing stored); handed to the caller when it joins and to the callee only in
 * the answer. 32 bytes, base64url.
 */
export function callMediaKey(callId: string): string {
  return createHmac("sha256", env().AUTH_SECRET).update(`call-media-key:${callId}`).digest("base64url");
}
