/**
 * What proxy.ts sends to the resolver: one path segment that is a number in any
 * spacing ("2000 1000 0001") or an email address.
 *
 * Both patterns are unambiguous, so matching is linear in the input: every
 * repeated class excludes the character that ends it (the local part cannot
 * hold "@", a domain label cannot hold "."), so there is one way to match each
 * character and a failed match never retries other splits. The old email
 * pattern let its domain class hold "." before a literal "\.", which took
 * quadratic time (313 ms at 16k characters). Inputs are also capped at an
 * email's longest legal length before any pattern runs.
 */
export const MAX_ADDRESS_LENGTH = 254;
/** Digits, or a spelled number that starts with a digit ("2222 222 PIZZA"): handles start with a letter. */
export const NUMBER_LIKE = /^[2-9][\dA-Za-z\s.-]{10,30}$/;
export const EMAIL_LIKE = /^[^/@\s]+@[^/@\s.]+(?:\.[^/@\s.]+)+$/;

export function isResolvableAddress(decoded: string): boolean {
  if (decoded.length > MAX_ADDRESS_LENGTH) return false;
  return NUMBER_LIKE.test(decoded) || EMAIL_LIKE.test(decoded);
}
