import { createHash, randomBytes } from "node:crypto";
import type { Db } from "../db/client";
import { DomainError } from "../errors";
import { formatWait } from "../http/rate-limit";
import type { Mailer } from "../mailbox/notify";

export type VerificationDeps = { db: Db; mailer: Mailer; publicUrl?: string; now?: () => Date };

/** How long a mailed link works. */
export const VERIFICATION_TTL_MS = 48 * 3600_000;
/** Mails a member may get in a day (the registration's first one included), and the least time between two. */
export const VERIFICATION_MAILS_PER_DAY = 5;
export const VERIFICATION_MAIL_SPACING_MS = 60_000;

const DAY_MS = 24 * 3600_000;
/** A replaced link's expiry: the epoch, a time no link is ever given, so it also tells "replaced" from "expired". */
const REPLACED = new Date(0);

const hash = (token: string) => createHash("sha256").update(token).digest("hex");

function tooMany(waitMs: number, why: string) {
  const retryAfterSeconds = Math.max(1, Math.ceil(waitMs / 1000));
  return new DomainError("RATE_LIMITED", `${why}; try again in ${formatWait(retryAfterSeconds)}`, { retryAfterSeconds });
}

/**
 * Mails a verification link to the member's address. Only the token's hash is stored (a copy of the
 * database verifies nothing); a new link replaces the earlier ones. At most one mail a minute and
 * VERIFICATION_MAILS_PER_DAY a day, counted from the stored links: replaced ones stay a day for that
 * (unusable), so the caps hold across restarts and web processes.
 */
export async function sendVerificationEmail(deps: VerificationDeps, memberId: string): Promise<{ sent: boolean }> {
  const now = deps.now?.() ?? new Date();
  const token = randomBytes(32).toString("base64url");
  const m = await deps.db.$transaction(async (tx) => {
    // Two resends at once would both pass the caps: the member's row is locked first (as in lib/calls/service.ts).
    await tx.$executeRaw`UPDATE "Member" SET "emailVerifiedAt" = "emailVerifiedAt" WHERE "id" = ${memberId}`;
    const m = await tx.member.findUnique({
      where: { id: memberId },
      select: { email: true, emailKey: true, displayName: true, emailVerifiedAt: true },
    });
    if (!m) throw new DomainError("NOT_FOUND", "No such member.");
    if (m.emailVerifiedAt) return null;
    if (!m.email) {
      throw new DomainError(
        "CONFLICT",
        "Your account has no email address: it was not confirmed in time and someone else has registered it. You still sign in with your number.",
      );
    }
    const dayAgo = new Date(now.getTime() - DAY_MS);
    const sent = await tx.emailVerification.findMany({
      where: { memberId, createdAt: { gt: dayAgo } },
      select: { createdAt: true },
      orderBy: { createdAt: "asc" },
    });
    const sinceLast = sent.length ? now.getTime() - sent[sent.length - 1]!.createdAt.getTime() : Infinity;
    if (sinceLast < VERIFICATION_MAIL_SPACING_MS) {
      throw tooMany(VERIFICATION_MAIL_SPACING_MS - sinceLast, "A link was mailed less than a minute ago: check your inbox and spam folder");
    }
    if (sent.length >= VERIFICATION_MAILS_PER_DAY) {
      throw tooMany(
        sent[0]!.createdAt.getTime() + DAY_MS - now.getTime(),
        `Already ${VERIFICATION_MAILS_PER_DAY} verification emails in a day, the most we send`,
      );
    }
    await tx.emailVerification.deleteMany({ where: { memberId, createdAt: { lte: dayAgo } } });
    await tx.emailVerification.updateMany({ where: { memberId }, data: { expiresAt: REPLACED } });
    await tx.emailVerification.create({
      data: {
        tokenHash: hash(token),
        memberId,
        emailKey: m.emailKey,
        createdAt: now,
        expiresAt: new Date(now.getTime() + VERIFICATION_TTL_MS),
      },
    });
    return m;
  });
  if (!m) return { sent: false };
  await mailLink(deps, { email: m.email, displayName: m.displayName }, token);
  return { sent: true };
}

/**
 * A new member's first link, written in the registration's own insert: a new account has no links
 * to count or replace, so the checks above (a transaction that locks the member's row) are not
 * needed. Only the hash goes to the database; the token is mailed with `mailLink`.
 */
export function firstLink(now: Date): { token: string; row: { tokenHash: string; createdAt: Date; expiresAt: Date } } {
  const token = randomBytes(32).toString("base64url");
  return { token, row: { tokenHash: hash(token), createdAt: now, expiresAt: new Date(now.getTime() + VERIFICATION_TTL_MS) } };
}

export async function mailLink(
  deps: Pick<VerificationDeps, "mailer" | "publicUrl">,
  to: { email: string; displayName: string },
  token: string,
): Promise<void> {
  const link = `${deps.publicUrl ?? ""}/verify-email?token=${token}`;
  await deps.mailer.send({
    to: to.email,
    subject: "Confirm your email address",
    text:
      `Hello ${to.displayName},\n\nPlease confirm that this is your address by opening this link within 48 hours:\n\n${link}\n\n` +
      "Until then we send nothing else here: no mailbox notices, no order confirmations.\nIf you did not register, ignore this email.\n",
  });
}

/**
 * Marks the address verified. Single use: the row is deleted by the write that verifies, so two
 * clicks racing verify once and the second is told the link is used.
 */
export async function verifyEmail(deps: Pick<VerificationDeps, "db" | "now">, token: string): Promise<{ handle: string }> {
  const now = deps.now?.() ?? new Date();
  const tokenHash = hash(token);
  const row = await deps.db.emailVerification.findUnique({
    where: { tokenHash },
    include: { member: { select: { handle: true, emailKey: true } } },
  });
  const invalid = new DomainError(
    "NOT_FOUND",
    "This link is not valid: it was used already, replaced by a newer one, or mistyped. Sign in and ask for a new one.",
  );
  if (!row || row.expiresAt.getTime() === REPLACED.getTime()) throw invalid;
  if (row.expiresAt <= now) {
    await deps.db.emailVerification.deleteMany({ where: { tokenHash } });
    throw new DomainError("NOT_FOUND", "This link has expired. Sign in and ask for a new one.");
  }
  // The address changed since the link was sent: the link proves nothing about the new one.
  if (row.member.emailKey !== row.emailKey) throw invalid;
  const won = await deps.db.$transaction(async (tx) => {
    const taken = await tx.emailVerification.deleteMany({ where: { tokenHash } });
    if (taken.count === 0) return false;
    // Only while the member still holds the address the link was sent to (it may have been released meanwhile).
    const held = await tx.member.updateMany({ where: { id: row.memberId, emailKey: row.emailKey }, data: { emailVerifiedAt: now } });
    if (held.count === 0) return false;
    // The replaced links kept for counting resends have nothing left to count.
    await tx.emailVerification.deleteMany({ where: { memberId: row.memberId } });
    return true;
  });
  if (!won) throw invalid;
  return { handle: row.member.handle };
}

/** Whether mail other than the verification link may go to this member. */
export async function emailVerified(db: Db, memberId: string): Promise<boolean> {
  const m = await db.member.findUnique({ where: { id: memberId }, select: { emailVerifiedAt: true } });
  return !!m?.emailVerifiedAt;
}
