import type { Db } from "../db/client";
import { isUniqueViolationOn } from "../db/unique-violation";
import { DomainError } from "../errors";
import { describeNumberProblem, formatNumber } from "./format";

export type Hold = { digits: string; formatted: string; expiresAt: Date };

/**
 * Reserves a number for one would-be member (identified by `holderToken`, kept
 * in their browser) for `minutes`, so nobody takes it mid-registration. The
 * primary key on NumberHold.digits is what makes a hold exclusive. Holding a
 * new number releases the holder's previous one. Holding again the number one
 * already holds keeps the original expiry: a hold cannot be stretched forever.
 */
export async function holdNumber(db: Db, opts: { digits: string; holderToken: string; minutes: number; now?: Date }): Promise<Hold> {
  const now = opts.now ?? new Date();
  const problem = describeNumberProblem(opts.digits);
  if (problem) throw new DomainError("INVALID_NUMBER", problem);
  const { digits, holderToken } = opts;

  if (await db.phoneNumber.findUnique({ where: { digits }, select: { digits: true } })) {
    throw new DomainError("NUMBER_TAKEN", `${formatNumber(digits)} already belongs to a member`);
  }
  // A stale hold blocks nobody.
  await db.numberHold.deleteMany({ where: { digits, expiresAt: { lte: now } } });

  const expiresAt = new Date(now.getTime() + opts.minutes * 60_000);
  try {
    await db.numberHold.create({ data: { digits, holderToken, expiresAt } });
  } catch (err) {
    if (!isUniqueViolationOn(err, "digits")) throw err;
    const existing = await db.numberHold.findUnique({ where: { digits } });
    if (existing && existing.holderToken === holderToken) {
      return { digits, formatted: formatNumber(digits), expiresAt: existing.expiresAt };
    }
    throw new DomainError(
      "NUMBER_HELD",
      `${formatNumber(digits)} is being registered by someone else right now; pick another or try again in a few minutes`,
    );
  }
  await db.numberHold.deleteMany({ where: { holderToken, digits: { not: digits } } });
  return { digits, formatted: formatNumber(digits), expiresAt };
}

/** The holder's current, unexpired hold, if any. */
export async function currentHold(db: Db, holderToken: string, now = new Date()): Promise<Hold | null> {
  const h = await db.numberHold.findFirst({ where: { holderToken, expiresAt: { gt: now } } });
  return h ? { digits: h.digits, formatted: formatNumber(h.digits), expiresAt: h.expiresAt } : null;
}

export async function releaseHold(db: Db, holderToken: string): Promise<void> {
  await db.numberHold.deleteMany({ where: { holderToken } });
}
