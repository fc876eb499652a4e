import type { Db } from "../db/client";
import { DomainError } from "../errors";
import { showNumber, spellWordIn } from "./spelling";

export type NumberSpelling = { formattedNumber: string; word: string | null };

/**
 * The member picks the word their number shows (one their digits spell), or none: for numbers
 * registered before words were kept, and for a member who would rather show another.
 */
export async function setNumberSpelling(db: Db, memberId: string, word: string): Promise<NumberSpelling> {
  const n = await db.phoneNumber.findUnique({ where: { memberId }, select: { digits: true } });
  if (!n) throw new DomainError("NOT_FOUND", "You have no number to spell");
  const s = word.trim() ? spellWordIn(n.digits, word) : null;
  await db.phoneNumber.update({ where: { memberId }, data: { spelled: s?.spelled ?? null, word: s?.word ?? null } });
  return { formattedNumber: showNumber(n.digits, s?.spelled), word: s?.word ?? null };
}
