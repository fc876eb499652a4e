/**
 * The request target as routing must see it. Node hands over the request line's target as
 * written, while Next.js resolves it as a URL: absolute-form (`GET http://host/api/x`, which HTTP/1.1
 * servers must accept) becomes its path, and dot segments (`/./api/x`, `/x/../api/x`, `/%2e/api/x`)
 * are removed. Deciding what is an API path on the raw text would let such a target past every
 * check made for /api, so the edge guard routes, and hands Next.js, this normalized form.
 */
export type RequestTarget = {
  /** Origin-form: the normalized path with the query as it came. */
  url: string;
  pathname: string;
  /** The authority of an absolute-form target, which replaces the Host header (RFC 9112, 3.2.2). */
  host?: string;
};

const ORIGIN = "http://target.invalid";

/** null for a target that is neither a path nor an http(s) URL (`*`, `example.com:443`, garbage). */
export function normalizeTarget(raw: string): RequestTarget | null {
  if (raw.startsWith("/")) {
    const q = raw.indexOf("?");
    // Prefixed rather than resolved against a base, so that "//x" stays a path and is not read as a host.
    const pathname = parse(ORIGIN + (q < 0 ? raw : raw.slice(0, q)))?.pathname;
    return pathname === undefined ? null : { url: pathname + (q < 0 ? "" : raw.slice(q)), pathname };
  }
  if (!/^https?:\/\//i.test(raw)) return null;
  const u = parse(raw);
  if (!u?.host) return null;
  return { url: u.pathname + u.search, pathname: u.pathname, host: u.host };
}

function parse(s: string): URL | null {
  try {
    return new URL(s);
  } catch {
    return null;
  }
}
