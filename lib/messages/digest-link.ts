import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * The link in a digest that turns digests off: the member's id and an HMAC of it under the portal's
 * secret, so it works without signing in (as people expect of an email's "unsubscribe") and nobody
 * can make one for someone else. It only ever turns digests off.
 */
const mac = (secret: string, memberId: string) => createHmac("sha256", secret).update(`digest-off:${memberId}`).digest("base64url");

export const digestOffToken = (secret: string, memberId: string) => mac(secret, memberId);

export function checkDigestOffToken(secret: string, memberId: string, token: string): boolean {
  const want = Buffer.from(mac(secret, memberId));
  const got = Buffer.from(token);
  return want.length === got.length && timingSafeEqual(want, got);
}

export const digestOffUrl = (publicUrl: string, secret: string, memberId: string) =>
  `${publicUrl}/messages/digest-off?m=${encodeURIComponent(memberId)}&t=${digestOffToken(secret, memberId)}`;
