/**
 * The security headers of every answer, and the pages' Content-Security-Policy.
 * Pure: the web server and proxy.ts pass in what they know from lib/env.ts.
 */

export function isHttps(publicUrl: string): boolean {
  return new URL(publicUrl).protocol === "https:";
}

/** Headers for every response, pages and API alike. */
export function baseSecurityHeaders(opts: { https: boolean }): Record<string, string> {
  return {
    "x-frame-options": "DENY",
    "x-content-type-options": "nosniff",
    "referrer-policy": "strict-origin-when-cross-origin",
    // Calls need the camera and microphone, on our own pages only; nothing else is asked for.
    "permissions-policy": "camera=(self), microphone=(self), geolocation=(), payment=(), usb=(), interest-cohort=()",
    ...(opts.https ? { "strict-transport-security": "max-age=31536000; includeSubDomains" } : {}),
  };
}

/** API answers are data, never a document: nothing may load or frame them. */
export const API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/**
 * Where browsers connect besides ourselves: the presence server (Socket.IO:
 * WebSocket, and HTTP long-polling when the upgrade is refused) and LiveKit
 * (WebSocket signalling plus its HTTP validation endpoint). Each URL in both
 * its ws and http forms.
 */
export function connectSources(urls: string[]): string[] {
  const out = new Set<string>();
  for (const raw of urls) {
    let u: URL;
    try {
      u = new URL(raw);
    } catch {
      continue;
    }
    const secure = u.protocol === "https:" || u.protocol === "wss:";
    out.add(`${secure ? "https" : "http"}://${u.host}`);
    out.add(`${secure ? "wss" : "ws"}://${u.host}`);
  }
  return [...out];
}

/**
 * The pages' policy. Scripts only with this request's nonce (Next.js reads it
 * from the request's Content-Security-Policy header and puts it on its own
 * scripts); 'strict-dynamic' lets those load their chunks. Styles allow inline
 * style attributes (React's style prop), which cannot run code.
 */
export function pageCsp(opts: { nonce: string; connect: string[]; dev: boolean; https: boolean }): string {
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${opts.nonce}' 'strict-dynamic'${opts.dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "media-src 'self' blob: data:",
    "font-src 'self' data:",
    `connect-src 'self' ${opts.connect.join(" ")}`.trim(),
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(opts.https ? ["upgrade-insecure-requests"] : []),
  ];
  return directives.join("; ");
}
