import "server-only";
import { randomBytes } from "node:crypto";
import { cookies } from "next/headers";
import { env } from "@/lib/env";
import { isHttps } from "@/lib/http/security-headers";

const NAME = "portal_guest";

/** The visitor's guest id if they have one; never sets the cookie (for GET requests). */
export async function currentGuestId(): Promise<string | null> {
  const v = (await cookies()).get(NAME)?.value;
  return v && /^[A-Za-z0-9_-]{22}$/.test(v) ? v : null;
}

/** A visitor's stable guest id (httpOnly cookie, 30 days), created on first need. */
export async function ensureGuestId(): Promise<string> {
  const jar = await cookies();
  const v = jar.get(NAME)?.value;
  if (v && /^[A-Za-z0-9_-]{22}$/.test(v)) return v;
  const id = randomBytes(16).toString("base64url");
  jar.set(NAME, id, { httpOnly: true, sameSite: "lax", secure: isHttps(env().PUBLIC_URL), path: "/", maxAge: 30 * 24 * 3600 });
  return id;
}
