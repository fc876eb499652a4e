import type http from "node:http";
import type { Duplex } from "node:stream";
import { allowedOrigins, checkCrossSite } from "../lib/http/csrf";
import { normalizeTarget } from "../lib/http/request-target";
import { allowedMethods, matchRoute, type RouteEntry } from "../lib/http/route-table";
import { API_CSP, baseSecurityHeaders } from "../lib/http/security-headers";

/**
 * The guard in front of Next.js: it sees every request and every response.
 * Next.js answers some bad requests before our route handlers run, and not in
 * our format: a bad percent-encoding in a path is a plain-text 500, an unknown
 * /api path is the HTML 404 page, a method a route does not export is an empty
 * 405, over-long headers an empty 431. Here they become `{ error: { code,
 * message } }` (pages get a short readable page), cross-site state changes are
 * refused, and the security headers are set. Page paths take GET and HEAD only:
 * Next.js' proxy would read up to 10 MB of any other request's body before a
 * page answered, and nothing of ours posts to a page (forms without JavaScript
 * use GET, sign-in posts to /api/auth, and there are no Server Actions).
 */
export type EdgeOptions = {
  publicUrl: string;
  https: boolean;
  /** Route handlers under /api. */
  routes: RouteEntry[];
  /** Route handlers elsewhere (/go): they take what they export, every other page path GET and HEAD. */
  pageRoutes: RouteEntry[];
};

const CODE_BY_STATUS: Record<number, [string, string]> = {
  400: ["BAD_REQUEST", "The request could not be understood"],
  401: ["UNAUTHENTICATED", "Sign in first"],
  403: ["FORBIDDEN", "This request is not allowed"],
  404: ["NOT_FOUND", "Nothing is here"],
  405: ["METHOD_NOT_ALLOWED", "This method is not allowed here"],
  408: ["BAD_REQUEST", "The request took too long to arrive"],
  409: ["CONFLICT", "The request conflicts with the current state"],
  413: ["PAYLOAD_TOO_LARGE", "The request body is too large"],
  415: ["UNSUPPORTED_MEDIA_TYPE", "This content type is not accepted here"],
  431: ["BAD_REQUEST", "The request's headers are too large"],
  429: ["RATE_LIMITED", "Too many requests; please wait"],
};

export function errorJson(status: number, message?: string): string {
  const [code, fallback] =
    CODE_BY_STATUS[status] ??
    (status >= 500
      ? ["INTERNAL", "Something went wrong on our side; please try again"]
      : ["BAD_REQUEST", "The request could not be handled"]);
  return JSON.stringify({ error: { code, message: message ?? fallback } });
}

function sendJson(res: http.ServerResponse, status: number, message?: string, headers: Record<string, string> = {}) {
  const body = errorJson(status, message);
  res.writeHead(status, {
    ...headers,
    "content-type": "application/json; charset=utf-8",
    "content-length": Buffer.byteLength(body),
    "cache-control": "no-store",
  });
  res.end(body);
}

function sendPage(res: http.ServerResponse, status: number, title: string, text: string, headers: Record<string, string> = {}) {
  const body = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title} · Portal</title><style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem;color:#0f172a}a{color:#2552e0}</style></head><body><h1>${title}</h1><p>${text}</p><p><a href="/">Back to the home page</a></p></body></html>`;
  res.writeHead(status, {
    ...headers,
    "content-type": "text/html; charset=utf-8",
    "content-length": Buffer.byteLength(body),
    "cache-control": "no-store",
  });
  res.end(body);
}

/** Decodes each path segment; null when one is not valid percent-encoded UTF-8 (Next.js would answer 500). */
export function decodePath(pathname: string): string[] | null {
  const parts = pathname.split("/").filter((p) => p !== "");
  try {
    return parts.map((p) => decodeURIComponent(p));
  } catch {
    return null;
  }
}

/**
 * Handles the request here when it must not reach Next.js; returns false to pass it on
 * (after arming the response so that any non-JSON /api error is rewritten).
 */
export function guardRequest(req: http.IncomingMessage, res: http.ServerResponse, opts: EdgeOptions): boolean {
  for (const [k, v] of Object.entries(baseSecurityHeaders({ https: opts.https }))) res.setHeader(k, v);
  const target = normalizeTarget(req.url ?? "/");
  if (!target) {
    refuseEarly(req, () => sendJson(res, 400, "The request target must be a path"));
    return true;
  }
  // Next.js routes the normalized form too, so what is judged here is what it serves.
  req.url = target.url;
  if (target.host) req.headers.host = target.host;
  const pathname = target.pathname;
  const method = (req.method ?? "GET").toUpperCase();

  const parts = decodePath(pathname);
  const isApi = parts ? parts[0] === "api" : pathname === "/api" || pathname.startsWith("/api/");
  if (isApi) res.setHeader("content-security-policy", API_CSP);
  if (!parts) {
    if (isApi) refuseEarly(req, () => sendJson(res, 400, "The address is not valid: a path segment has a bad percent-encoding"));
    else
      refuseEarly(req, () => sendPage(res, 400, "Bad address", "This address is not valid: it contains a stray or broken “%” sequence."));
    return true;
  }

  const verdict = checkCrossSite(
    method,
    { origin: req.headers.origin, secFetchSite: header(req, "sec-fetch-site") },
    allowedOrigins(opts.publicUrl, req.headers.host, opts.https),
  );
  if (!verdict.ok) {
    if (isApi) refuseEarly(req, () => sendJson(res, 403, verdict.reason));
    else refuseEarly(req, () => sendPage(res, 403, "Not allowed", "This form was sent from another site."));
    return true;
  }

  if (isApi) {
    const route = matchRoute(opts.routes, parts);
    if (!route) {
      refuseEarly(req, () => sendJson(res, 404, "There is no API endpoint at this address"));
      return true;
    }
    const allow = allowedMethods(route);
    if (!allow.includes(method)) {
      const use = allow.filter((m) => m !== "HEAD" && m !== "OPTIONS").join(" or ");
      refuseEarly(req, () => sendJson(res, 405, `${method} is not allowed here; use ${use}`, { allow: allow.join(", ") }));
      return true;
    }
    jsonErrorsOnly(req, res);
    return false;
  }

  const pageRoute = matchRoute(opts.pageRoutes, parts);
  const allow = pageRoute ? allowedMethods(pageRoute) : PAGE_METHODS;
  if (!allow.includes(method)) {
    refuseEarly(req, () =>
      sendPage(res, 405, "Not allowed", `A page can only be opened (${method} is not accepted here).`, { allow: allow.join(", ") }),
    );
    return true;
  }
  return false;
}

const PAGE_METHODS = ["GET", "HEAD"];

function header(req: http.IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

/**
 * Rewrites an /api answer that is an error but not JSON (next-auth's plain-text
 * errors, Next.js' own 4xx/5xx pages) into our error shape, keeping its status.
 * The decision is taken when the first byte would be written.
 */
function jsonErrorsOnly(req: http.IncomingMessage, res: http.ServerResponse) {
  const writeHead = res.writeHead.bind(res) as (...a: unknown[]) => http.ServerResponse;
  const write = res.write.bind(res) as (...a: unknown[]) => boolean;
  const end = res.end.bind(res) as (...a: unknown[]) => http.ServerResponse;
  let decided = false;
  let replaced = false;

  // Headers given to writeHead are kept on the response until the decision, so they can be inspected.
  res.writeHead = ((status: number, ...rest: unknown[]) => {
    if (decided) return writeHead(status, ...rest);
    res.statusCode = status;
    const h = rest.find((x) => x && typeof x === "object");
    if (Array.isArray(h)) {
      for (let i = 0; i + 1 < h.length; i += 2) res.appendHeader(String(h[i]), h[i + 1] as string);
    } else if (h) {
      for (const [k, v] of Object.entries(h as Record<string, string | string[] | number>)) res.setHeader(k, v);
    }
    return res;
  }) as typeof res.writeHead;

  const decide = () => {
    if (decided) return;
    decided = true;
    const status = res.statusCode;
    const type = String(res.getHeader("content-type") ?? "");
    if (status >= 400 && req.method !== "HEAD" && !/^application\/json\b/i.test(type)) {
      replaced = true;
      const body = errorJson(status);
      for (const h of ["content-encoding", "transfer-encoding", "content-disposition", "etag", "vary", "x-nextjs-cache"])
        res.removeHeader(h);
      res.setHeader("content-type", "application/json; charset=utf-8");
      res.setHeader("content-length", Buffer.byteLength(body));
      res.setHeader("cache-control", "no-store");
      end(body);
    } else if (status === 413 && !req.complete) {
      capDrain(req);
    }
  };
  const callbackOf = (args: unknown[]) => args.find((a) => typeof a === "function") as (() => void) | undefined;

  res.write = ((...args: unknown[]) => {
    decide();
    if (replaced) {
      callbackOf(args)?.();
      return true;
    }
    return write(...args);
  }) as typeof res.write;
  res.end = ((...args: unknown[]) => {
    decide();
    if (replaced) {
      callbackOf(args)?.();
      return res;
    }
    return end(...args);
  }) as typeof res.end;
}

const MAX_DRAIN_BYTES = 16 * 1024 * 1024;
/** A refusal by this guard comes before any body is read: a small form's body is still read, a large one is not. */
const EARLY_DRAIN_BYTES = 64 * 1024;
/** How long a client that keeps sending after our answer has to read it before the connection is cut. */
const LINGER_MS = 2000;

/**
 * After an early 413 the rest of the body is still on its way. Closing at once makes a client
 * that is still sending (fetch, a browser form) fail with EPIPE before it reads the answer, so
 * the rest is read and thrown away, as Node does for keep-alive, but only up to 16 MiB more:
 * then the connection is cut. Nothing of it is kept.
 */
function capDrain(req: http.IncomingMessage) {
  let discarded = 0;
  req.on("data", (chunk: Buffer) => {
    discarded += chunk.length;
    if (discarded > MAX_DRAIN_BYTES) req.socket.destroy();
  });
  req.resume();
}

/**
 * Answers without reading the body. Node would otherwise read all of it, however long, to keep the
 * connection; cutting the connection at once instead resets it, and a client still sending then
 * loses our answer with it. So a small body is read and thrown away, and past that reading stops:
 * the client's sending stalls, it reads the answer, and the connection is cut a little later.
 */
function refuseEarly(req: http.IncomingMessage, answer: () => void) {
  answer();
  if (req.complete) return;
  let discarded = 0;
  const onData = (chunk: Buffer) => {
    discarded += chunk.length;
    if (discarded <= EARLY_DRAIN_BYTES) return;
    req.off("data", onData);
    req.pause();
    setTimeout(() => req.socket.destroy(), LINGER_MS).unref();
  };
  req.on("data", onData);
  req.resume();
}

/** Errors Node's HTTP parser meets before any handler (431 over-long headers, malformed request lines) as JSON. */
export function answerClientError(err: NodeJS.ErrnoException, socket: Duplex) {
  if (err.code === "ECONNRESET" || !socket.writable) {
    socket.destroy();
    return;
  }
  const status = err.code === "HPE_HEADER_OVERFLOW" ? 431 : err.code === "ERR_HTTP_REQUEST_TIMEOUT" ? 408 : 400;
  const reason = status === 431 ? "Request Header Fields Too Large" : status === 408 ? "Request Timeout" : "Bad Request";
  const body = errorJson(status);
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\ncontent-type: application/json; charset=utf-8\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
  );
}
