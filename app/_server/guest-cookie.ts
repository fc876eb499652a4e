import "server-only";
import { randomBytes } from "node:crypto";
import { cookies } from "next/headers";
import { GUEST_SECRET_PATTERN, publicGuestId } from "@/lib/auth/guest-id";
import { env } from "@/lib/env";
import { isHttps } from "@/lib/http/security-headers";

/**
 * Renamed from "portal_guest", whose values minted before guests had public ids were the public id
 * itself (seen by agents): a browser holding only the old name is a new guest. Nothing reads the old name.
 */
const NAME = "portal_guest_secret";

/**
 * The cookie holds the guest's secret; callers only ever get the public id derived from it
 * (lib/auth/guest-id.ts), which is what is stored and shown to the other party.
 */
const toPublic = (secret: string) => publicGuestId(env().AUTH_SECRET, secret);

/** The visitor's public guest id if they have one; never sets the cookie (for GET requests). */
export async function currentGuestId(): Promise<string | null> {
  const v = (await cookies()).get(NAME)?.value;
  return v && GUEST_SECRET_PATTERN.test(v) ? toPublic(v) : null;
}

/** A visitor's stable public guest id (its secret in an httpOnly cookie, 30 days), created on first need. */
export async function ensureGuestId(): Promise<string> {
  const jar = await cookies();
  const v = jar.get(NAME)?.value;
  if (v && GUEST_SECRET_PATTERN.test(v)) return toPublic(v);
  const secret = randomBytes(16).toString("base64url");
  jar.set(NAME, secret, { httpOnly: true, sameSite: "lax", secure: isHttps(env().PUBLIC_URL), path: "/", maxAge: 30 * 24 * 3600 });
  return toPublic(secret);
}
