import type { Db } from "../db/client";
import { isUniqueViolationOn } from "../db/unique-violation";
import { DomainError } from "../errors";
import { describeNumberProblem, formatNumber } from "./format";
import { checkSpelling, showNumber } from "./spelling";

/** `formatted` shows the number as it will be shown once registered: with the picker's word, if any. */
export type Hold = { digits: string; spelled: string | null; formatted: string; expiresAt: Date };

const holdOf = (h: { digits: string; spelled: string | null; expiresAt: Date }): Hold => ({
  digits: h.digits,
  spelled: h.spelled,
  formatted: showNumber(h.digits, h.spelled),
  expiresAt: h.expiresAt,
});

/**
 * Reserves a number for one would-be member (identified by `holderToken`, kept
 * in their browser) for `minutes`, so nobody takes it mid-registration. The
 * primary key on NumberHold.digits is what makes a hold exclusive. Holding a
 * new number releases the holder's previous one. Holding again the number one
 * already holds keeps the original expiry: a hold cannot be stretched forever.
 */
export async function holdNumber(
  db: Db,
  opts: { digits: string; spelled?: string | null; holderToken: string; minutes: number; now?: Date },
): Promise<Hold> {
  const now = opts.now ?? new Date();
  const problem = describeNumberProblem(opts.digits);
  if (problem) throw new DomainError("INVALID_NUMBER", problem);
  const { digits, holderToken } = opts;
  // The word the picker offered: kept with the hold, so the number registered shows it.
  const spelled = opts.spelled ? checkSpelling(digits, opts.spelled).spelled : null;

  if (await db.phoneNumber.findUnique({ where: { digits }, select: { digits: true } })) {
    throw new DomainError("NUMBER_TAKEN", `${formatNumber(digits)} already belongs to a member`);
  }
  // A stale hold blocks nobody.
  await db.numberHold.deleteMany({ where: { digits, expiresAt: { lte: now } } });

  const expiresAt = new Date(now.getTime() + opts.minutes * 60_000);
  try {
    await db.numberHold.create({ data: { digits, spelled, holderToken, expiresAt } });
  } catch (err) {
    if (!isUniqueViolationOn(err, "digits")) throw err;
    const existing = await db.numberHold.findUnique({ where: { digits } });
    if (existing && existing.holderToken === holderToken) {
      // The same number again, perhaps spelled another way: the new spelling, the first expiry.
      if (existing.spelled !== spelled) await db.numberHold.updateMany({ where: { digits, holderToken }, data: { spelled } });
      return holdOf({ ...existing, spelled });
    }
    throw new DomainError(
      "NUMBER_HELD",
      `${formatNumber(digits)} is being registered by someone else right now; pick another or try again in a few minutes`,
    );
  }
  await db.numberHold.deleteMany({ where: { holderToken, digits: { not: digits } } });
  return holdOf({ digits, spelled, expiresAt });
}

/** The holder's current, unexpired hold, if any. */
export async function currentHold(db: Db, holderToken: string, now = new Date()): Promise<Hold | null> {
  const h = await db.numberHold.findFirst({ where: { holderToken, expiresAt: { gt: now } } });
  return h ? holdOf(h) : null;
}

export async function releaseHold(db: Db, holderToken: string): Promise<void> {
  await db.numberHold.deleteMany({ where: { holderToken } });
}
