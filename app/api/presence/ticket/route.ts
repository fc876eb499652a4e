import { ensureGuestId } from "@/app/_server/guest-cookie";
import { limitLookup } from "@/app/_server/limits";
import { route } from "@/app/_server/route";
import { env } from "@/lib/env";
import { json } from "@/lib/http/respond";
import { issueTicket, TICKET_TTL_SECONDS } from "@/lib/presence/tickets";

/**
 * A one-minute ticket for the presence server: for the signed-in member, or for
 * a guest id kept in a cookie. POST: it may set that cookie.
 */
export const POST = route({ access: "public", withMember: true, rateLimit: limitLookup }, async ({ member }) => {
  const e = env();
  const subject = member
    ? ({ kind: "member", memberId: member.id } as const)
    : ({ kind: "guest", guestId: await ensureGuestId() } as const);
  const ticket = await issueTicket(e.PRESENCE_SECRET, subject);
  return json({ ticket, url: e.PRESENCE_PUBLIC_URL, expiresIn: TICKET_TTL_SECONDS, memberId: member?.id ?? null });
});
