/**
 * Cross-site request refusal for state-changing requests. SameSite=Lax cookies
 * alone still let a sibling subdomain, or a top-level form post, through; the
 * browser's Origin and Sec-Fetch-Site headers say where a request comes from.
 * A request with neither (curl, LiveKit's webhook, another server) carries no
 * ambient browser credentials and passes: its own checks (signature, token) apply.
 */
const SAFE = new Set(["GET", "HEAD", "OPTIONS"]);

export type CsrfVerdict = { ok: true } | { ok: false; reason: string };

export function checkCrossSite(
  method: string,
  headers: { origin?: string | null; secFetchSite?: string | null },
  allowedOrigins: readonly string[],
): CsrfVerdict {
  if (SAFE.has(method.toUpperCase())) return { ok: true };
  const origin = headers.origin?.trim();
  if (origin) {
    // "null" is an opaque origin (sandboxed frame, data: page, cross-origin redirect): never ours.
    if (allowedOrigins.includes(origin.toLowerCase())) return { ok: true };
    return { ok: false, reason: "This request comes from another site" };
  }
  const site = headers.secFetchSite?.trim().toLowerCase();
  if (site && site !== "same-origin" && site !== "none") return { ok: false, reason: "This request comes from another site" };
  return { ok: true };
}

/** The origins our own pages have: PUBLIC_URL's, and the one the request was addressed to (a direct hit on the port). */
export function allowedOrigins(publicUrl: string, host: string | undefined, https: boolean): string[] {
  const out = [new URL(publicUrl).origin.toLowerCase()];
  if (host && /^[A-Za-z0-9.\-:[\]]+$/.test(host)) out.push(`${https ? "https" : "http"}://${host.toLowerCase()}`);
  return out;
}
