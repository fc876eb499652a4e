import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { isHttps } from "../http/security-headers";

/**
 * A browser that has signed in to an account carries this cookie: the member id, a device id of its
 * own, when it was issued, and an HMAC of those under AUTH_SECRET. It exempts that browser from the
 * account's all-address sign-in lockout (lib/auth/sign-in-throttle.ts), so strangers guessing from
 * everywhere cannot lock the member out of the browsers they use. One per browser: the account it
 * last signed in to.
 */
export const KNOWN_DEVICE_COOKIE = "portal_device";
export const KNOWN_DEVICE_MAX_AGE_SECONDS = 365 * 24 * 3600;

// The label keeps this HMAC apart from any other use of the same server secret.
const sign = (secret: string, body: string) => createHmac("sha256", secret).update(`portal known device\0${body}`).digest("base64url");

export function issueKnownDevice(secret: string, memberId: string, now = Date.now()): string {
  const body = `${memberId}.${randomBytes(12).toString("base64url")}.${Math.floor(now / 1000)}`;
  return `${body}.${sign(secret, body)}`;
}

export function readKnownDevice(
  secret: string,
  value: string | undefined,
  now = Date.now(),
): { memberId: string; deviceId: string } | null {
  if (!value || value.length > 300) return null;
  const parts = value.split(".");
  if (parts.length !== 4 || !parts.every((p) => /^[A-Za-z0-9_-]+$/.test(p))) return null;
  const [memberId, deviceId, issued, mac] = parts as [string, string, string, string];
  const expected = Buffer.from(sign(secret, `${memberId}.${deviceId}.${issued}`));
  if (mac.length !== expected.length || !timingSafeEqual(Buffer.from(mac), expected)) return null;
  const age = now / 1000 - Number(issued);
  if (!(age > -300 && age <= KNOWN_DEVICE_MAX_AGE_SECONDS)) return null;
  return { memberId, deviceId };
}

export function knownDeviceCookieOptions(publicUrl: string) {
  return { httpOnly: true, sameSite: "lax" as const, secure: isHttps(publicUrl), path: "/", maxAge: KNOWN_DEVICE_MAX_AGE_SECONDS };
}
