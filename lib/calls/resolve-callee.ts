import type { Db } from "../db/client";
import { DomainError } from "../errors";
import { toKeypadDigits } from "../numbers/keypad";

/** The member a dial pad entry (digits or keypad letters, any spacing) or a handle names. */
export async function resolveCallee(db: Db, to: { number?: string; handle?: string }): Promise<string> {
  if (to.handle) {
    const m = await db.member.findUnique({ where: { handleKey: to.handle.toLowerCase() }, select: { id: true } });
    if (!m) throw new DomainError("NOT_FOUND", "No member has that address.");
    return m.id;
  }
  const k = toKeypadDigits(to.number ?? "");
  if (!k.ok) throw new DomainError("INVALID_NUMBER", k.reason);
  if (k.digits.length !== 12)
    throw new DomainError("INVALID_NUMBER", `A number has 12 digits (or keypad letters); you entered ${k.digits.length}.`);
  const n = await db.phoneNumber.findUnique({
    where: { digits: k.digits },
    select: { memberId: true, group: { select: { handle: true, name: true } } },
  });
  // A group's number is not a person: the dial pad takes the caller to the group's room instead.
  if (n?.group)
    throw new DomainError("CONFLICT", `${n.group.name} is a group: its room is where its members meet.`, { group: n.group.handle });
  if (!n?.memberId) throw new DomainError("NOT_FOUND", "No member has that number.");
  return n.memberId;
}
