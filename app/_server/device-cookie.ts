import "server-only";
import { cookies } from "next/headers";
import { issueKnownDevice, KNOWN_DEVICE_COOKIE, knownDeviceCookieOptions } from "@/lib/auth/known-device";
import { env } from "@/lib/env";

/** The browser's known-device cookie as sent (lib/auth/known-device.ts checks it). */
export async function knownDeviceCookie(): Promise<string | undefined> {
  return (await cookies()).get(KNOWN_DEVICE_COOKIE)?.value;
}

/** After a successful sign-in: this browser is known to that account from now on (renewed on each sign-in). */
export async function rememberDevice(memberId: string): Promise<void> {
  const e = env();
  (await cookies()).set(KNOWN_DEVICE_COOKIE, issueKnownDevice(e.AUTH_SECRET, memberId), knownDeviceCookieOptions(e.PUBLIC_URL));
}
