import { type NextRequest, NextResponse } from "next/server";
import { env } from "@/lib/env";
import { isResolvableAddress } from "@/lib/http/address-patterns";
import { connectSources, isHttps, pageCsp } from "@/lib/http/security-headers";

/**
 * Every page passes here: a single path segment that is a number in any
 * spacing ("2000 1000 0001", "2000-1000-0001") or an email address goes to the
 * resolver, which answers 301; every other page gets a Content-Security-Policy
 * with a fresh script nonce (Next.js reads it from the request's header and
 * puts it on its own scripts).
 */
export function proxy(req: NextRequest) {
  const path = req.nextUrl.pathname.slice(1);
  if (path && !path.includes("/")) {
    let decoded: string | null = null;
    try {
      decoded = decodeURIComponent(path);
    } catch {
      /* not an address; server/web.ts answers 400 to bad encodings before we get here */
    }
    if (decoded !== null && isResolvableAddress(decoded)) {
      return NextResponse.rewrite(new URL(`/api/resolve/${encodeURIComponent(decoded)}`, req.url));
    }
  }

  const e = env();
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const csp = pageCsp({
    nonce,
    connect: connectSources([e.PRESENCE_PUBLIC_URL, e.LIVEKIT_URL]),
    dev: e.NODE_ENV === "development",
    https: isHttps(e.PUBLIC_URL),
  });
  const headers = new Headers(req.headers);
  headers.set("x-nonce", nonce);
  headers.set("content-security-policy", csp);
  const res = NextResponse.next({ request: { headers } });
  res.headers.set("content-security-policy", csp);
  return res;
}

export const config = {
  // Exact names (a folder with its slash, a file to its end): a page whose handle starts with one,
  // such as /faviconfan, is still a page and needs its policy.
  matcher: ["/((?!api/|_next/static/|_next/image$|favicon\\.ico$|icons/|images/|fonts/).*)"],
};
