import NextAuth from "next-auth";
import { NextRequest } from "next/server";
import { knownDeviceCookie, rememberDevice } from "@/app/_server/device-cookie";
import { authOptions } from "@/lib/auth/options";
import { DomainError } from "@/lib/errors";
import { mediaType, readTextLimited } from "@/lib/http/read-body";
import { errorResponse } from "@/lib/http/respond";

type Ctx = { params: Promise<{ nextauth: string[] }> };

// next-auth checks its own inputs (CSRF token, credentials) and answers in its own format; what it
// cannot read (a JSON body it parses unguarded, a huge body) is refused here first, in ours.
const MAX_AUTH_BODY_BYTES = 16 * 1024;

export async function GET(req: NextRequest, ctx: Ctx) {
  try {
    return await NextAuth(req, ctx, authOptions());
  } catch (err) {
    return errorResponse(err);
  }
}

export async function POST(req: NextRequest, ctx: Ctx) {
  try {
    // next-auth's own client posts forms; anything else made it throw (a 500) on the body.
    if (mediaType(req.headers.get("content-type")) !== "application/x-www-form-urlencoded") {
      throw new DomainError("UNSUPPORTED_MEDIA_TYPE", "Send sign-in requests as a form (application/x-www-form-urlencoded)");
    }
    const body = await readTextLimited(req, MAX_AUTH_BODY_BYTES);
    const forwarded = new NextRequest(req.url, { method: "POST", headers: req.headers, body });
    const signedIn: { memberId?: string } = {};
    const options = authOptions({ knownDevice: await knownDeviceCookie(), onSignedIn: (memberId) => (signedIn.memberId = memberId) });
    const res = await NextAuth(forwarded, ctx, options);
    if (signedIn.memberId) await rememberDevice(signedIn.memberId);
    return res;
  } catch (err) {
    return errorResponse(err);
  }
}
