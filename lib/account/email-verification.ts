import { createHash, randomBytes } from "node:crypto";
import type { Db } from "../db/client";
import { DomainError } from "../errors";
import type { Mailer } from "../mailbox/notify";

export type VerificationDeps = { db: Db; mailer: Mailer; publicUrl?: string; now?: () => Date };

/** How long a mailed link works. */
export const VERIFICATION_TTL_MS = 48 * 3600_000;

const hash = (token: string) => createHash("sha256").update(token).digest("hex");

/**
 * Mails a verification link to the member's address. Only the token's hash is stored (a copy of the
 * database verifies nothing); a new link replaces the earlier ones.
 */
export async function sendVerificationEmail(deps: VerificationDeps, memberId: string): Promise<{ sent: boolean }> {
  const now = deps.now?.() ?? new Date();
  const m = await deps.db.member.findUnique({
    where: { id: memberId },
    select: { email: true, emailKey: true, displayName: true, emailVerifiedAt: true },
  });
  if (!m) throw new DomainError("NOT_FOUND", "No such member.");
  if (m.emailVerifiedAt) return { sent: false };
  const token = randomBytes(32).toString("base64url");
  await deps.db.$transaction([
    deps.db.emailVerification.deleteMany({ where: { memberId } }),
    deps.db.emailVerification.create({
      data: { tokenHash: hash(token), memberId, emailKey: m.emailKey, expiresAt: new Date(now.getTime() + VERIFICATION_TTL_MS) },
    }),
  ]);
  const link = `${deps.publicUrl ?? ""}/verify-email?token=${token}`;
  await deps.mailer.send({
    to: m.email,
    subject: "Confirm your email address",
    text:
      `Hello ${m.displayName},\n\nPlease confirm that this is your address by opening this link within 48 hours:\n\n${link}\n\n` +
      "Until then we send nothing else here: no mailbox notices, no order confirmations.\nIf you did not register, ignore this email.\n",
  });
  return { sent: true };
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
  if (!row) throw invalid;
  if (row.expiresAt <= now) {
    await deps.db.emailVerification.deleteMany({ where: { tokenHash } });
    throw new DomainError("NOT_FOUND", "This link has expired. Sign in and ask for a new one.");
  }
  // The address changed since the link was sent: the link proves nothing about the new one.
  if (row.member.emailKey !== row.emailKey) throw invalid;
  const won = await deps.db.$transaction(async (tx) => {
    const taken = await tx.emailVerification.deleteMany({ where: { tokenHash } });
    if (taken.count === 0) return false;
    await tx.member.update({ where: { id: row.memberId }, data: { emailVerifiedAt: now } });
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
