import type { Db } from "../db/client";

/**
 * Frees an address whose holder did not confirm it within the grace period, so that the next person
 * to register it (typically its real owner, blocked by someone who typed it first) gets it. The
 * holder keeps their account and signs in by number. Their key becomes one no typed address can equal:
 * upper case, while every lookup lower-cases what was typed.
 */
export async function releaseUnverifiedEmail(db: Db, opts: { emailKey: string; registeredBefore: Date }): Promise<boolean> {
  const holder = await db.member.findUnique({
    where: { emailKey: opts.emailKey },
    select: { id: true, emailVerifiedAt: true, createdAt: true },
  });
  if (!holder || holder.emailVerifiedAt || holder.createdAt >= opts.registeredBefore) return false;
  // Conditional on the state just read: a holder confirming at this moment keeps the address.
  const { count } = await db.member.updateMany({
    where: { id: holder.id, emailKey: opts.emailKey, emailVerifiedAt: null },
    data: { email: "", emailKey: `RELEASED:${holder.id}` },
  });
  if (count) await db.emailVerification.deleteMany({ where: { memberId: holder.id } });
  return count > 0;
}
