/** next-auth's session cookie, whole or in chunks (".0", ".1"…), with or without the __Secure- prefix. */
const SESSION_COOKIE = /^(__Secure-)?next-auth\.session-token(\.\d+)?$/;

/**
 * Whether a request carries a session at all. next-auth reads a session from this cookie only;
 * without it, getServerSession still builds its options and a CSRF token to answer null, a fifth of
 * a millisecond on every signed-out request (bench/directory.ts).
 */
export function hasSessionCookie(cookieNames: Iterable<string>): boolean {
  for (const name of cookieNames) if (SESSION_COOKIE.test(name)) return true;
  return false;
}
