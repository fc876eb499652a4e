import { type NextRequest, NextResponse } from "next/server";

// A single path segment that is a number in any spacing ("2000 1000 0001",
// "2000-1000-0001") or an email address goes to the resolver, which answers 301.
const NUMBER_LIKE = /^[2-9][\d\s.\-]{10,30}$/;
const EMAIL_LIKE = /^[^/@\s]+@[^/@\s]+\.[^/@\s]+$/;

export function proxy(req: NextRequest) {
  const segment = req.nextUrl.pathname.slice(1);
  let decoded: string;
  try {
    decoded = decodeURIComponent(segment);
  } catch {
    return NextResponse.next();
  }
  if (NUMBER_LIKE.test(decoded) || EMAIL_LIKE.test(decoded)) {
    return NextResponse.rewrite(new URL(`/api/resolve/${encodeURIComponent(decoded)}`, req.url));
  }
  return NextResponse.next();
}

export const config = {
  matcher: ["/((?!api/|_next/|favicon|icons/|images/|fonts/)[^/]+)"],
};
