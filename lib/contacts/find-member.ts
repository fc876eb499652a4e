import type { Db } from "../db/client";
import { DomainError } from "../errors";
import { isValidNumber } from "../numbers/format";
import { toKeypadDigits } from "../numbers/keypad";

/**
 * The member someone means by what they typed to add them: a number in digits or keypad letters
 * ("2000 CALL ME"), or a handle (with or without "@" or "/"). The same answer whether nobody has
 * it or the member is unlisted: a number reaches anyone, as a phone number does.
 */
export async function findMemberByAddress(db: Db, typed: string): Promise<string> {
  const text = typed.trim();
  const keypad = toKeypadDigits(text);
  if (keypad.ok && isValidNumber(keypad.digits) && /\d/.test(text)) {
    const n = await db.phoneNumber.findUnique({ where: { digits: keypad.digits }, select: { memberId: true } });
    if (n?.memberId) return n.memberId;
    throw new DomainError("NOT_FOUND", "No member has that number.", { field: "to" });
  }
  const handle = text.replace(/^[@/]/, "").toLowerCase();
  if (!/^[a-z0-9][a-z0-9._-]{0,63}$/.test(handle)) {
    throw new DomainError("VALIDATION_FAILED", "Type a 12-digit number (letters of the keypad are fine) or an address such as ada.", {
      field: "to",
    });
  }
  const m = await db.member.findUnique({ where: { handleKey: handle }, select: { id: true } });
  if (!m) throw new DomainError("NOT_FOUND", "No member has that address.", { field: "to" });
  return m.id;
}
