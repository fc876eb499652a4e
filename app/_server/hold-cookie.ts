import "server-only";
import { randomBytes } from "node:crypto";
import { cookies } from "next/headers";
import { env } from "@/lib/env";
import { isHttps } from "@/lib/http/security-headers";

const NAME = "portal_hold";

/** The browser's number-hold token, if it has one. */
export async function holdToken(): Promise<string | null> {
  const v = (await cookies()).get(NAME)?.value;
  return v && /^[A-Za-z0-9_-]{32}$/.test(v) ? v : null;
}

/** The browser's token, creating it (httpOnly, 30 minutes) when missing. */
export async function ensureHoldToken(): Promise<string> {
  const existing = await holdToken();
  if (existing) return existing;
  const token = randomBytes(24).toString("base64url");
  (await cookies()).set(NAME, token, { httpOnly: true, sameSite: "lax", secure: isHttps(env().PUBLIC_URL), path: "/", maxAge: 30 * 60 });
  return token;
}
