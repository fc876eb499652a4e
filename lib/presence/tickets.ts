import { randomBytes } from "node:crypto";
import { jwtVerify, SignJWT, errors } from "jose";

/**
 * Short-lived signed tickets a browser shows the presence server when it
 * connects. Issued by a route handler for the signed-in member (or a guest id),
 * checked by the server before it accepts the connection.
 */
export type TicketSubject = { kind: "member"; memberId: string } | { kind: "guest"; guestId: string };

/** Where a guest's own events are addressed on the bus (members use their member id). */
export const guestKey = (guestId: string) => `guest:${guestId}`;

const AUDIENCE = "presence";
const ISSUER = "portal";
export const TICKET_TTL_SECONDS = 60;

function key(secret: string) {
  return new TextEncoder().encode(secret);
}

export async function issueTicket(secret: string, subject: TicketSubject, ttlSeconds = TICKET_TTL_SECONDS): Promise<string> {
  const sub = subject.kind === "member" ? `member:${subject.memberId}` : `guest:${subject.guestId}`;
  return (
    new SignJWT({})
      .setProtectedHeader({ alg: "HS256" })
      // Each ticket opens one connection: the presence server remembers its id until it expires.
      .setJti(randomBytes(16).toString("base64url"))
      .setSubject(sub)
      .setAudience(AUDIENCE)
      .setIssuer(ISSUER)
      .setIssuedAt()
      .setExpirationTime(`${ttlSeconds}s`)
      .sign(key(secret))
  );
}

/** `jti` and `expiresAt` (ms) let the server refuse a second use of the same ticket. */
export type TicketCheck = { ok: true; subject: TicketSubject; jti: string; expiresAt: number } | { ok: false; reason: string };

export async function verifyTicket(secret: string, ticket: unknown): Promise<TicketCheck> {
  if (typeof ticket !== "string" || ticket.length === 0) return { ok: false, reason: "missing ticket: ask /api/presence/ticket for one" };
  try {
    const { payload } = await jwtVerify(ticket, key(secret), { audience: AUDIENCE, issuer: ISSUER, algorithms: ["HS256"] });
    const [kind, id] = (payload.sub ?? "").split(":");
    const jti = payload.jti;
    // A ticket without an id or an expiry could not be held to one use.
    if (typeof jti !== "string" || jti.length < 16 || typeof payload.exp !== "number") return { ok: false, reason: "forged ticket" };
    const once = { jti, expiresAt: payload.exp * 1000 };
    if (kind === "member" && id) return { ok: true, subject: { kind, memberId: id }, ...once };
    if (kind === "guest" && id) return { ok: true, subject: { kind, guestId: id }, ...once };
    return { ok: false, reason: "forged ticket" };
  } catch (err) {
    if (err instanceof errors.JWTExpired) return { ok: false, reason: "expired ticket: ask for a new one" };
    return { ok: false, reason: "forged ticket" };
  }
}
