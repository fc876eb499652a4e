import type { Db } from "../db/client";
import { DomainError } from "../errors";
import { toKeypadDigits } from "../numbers/keypad";
import { ownersOfWord } from "../numbers/owners-of-word";
import { parseDialled } from "../numbers/spelling";

/** A group's number is not a person: the dial pad takes the caller to the group's room instead. */
const groupRefused = (g: { handle: string; name: string }) =>
  new DomainError("CONFLICT", `${g.name} is a group: its room is where its members meet.`, { group: g.handle });

/**
 * The member a dial pad entry names: a number (digits or keypad letters, any spacing), a word on
 * its own that one member's number shows ("PIZZA"), or a handle. A word several numbers show is
 * refused with the listed ones (`matches`), for the caller to choose.
 */
export async function resolveCallee(db: Db, to: { number?: string; handle?: string }): Promise<string> {
  if (to.handle) {
    const m = await db.member.findUnique({ where: { handleKey: to.handle.toLowerCase() }, select: { id: true } });
    if (!m) throw new DomainError("NOT_FOUND", "No member has that address.");
    return m.id;
  }
  const dialled = parseDialled(to.number ?? "");
  if (dialled && "word" in dialled) {
    const owners = await ownersOfWord(db, dialled.word);
    if (owners.only?.kind === "group") throw groupRefused({ handle: owners.only.handle, name: owners.only.name });
    if (owners.only?.memberId) return owners.only.memberId;
    if (owners.all === 0) throw new DomainError("NOT_FOUND", `No number shows the word ${dialled.word}.`);
    throw new DomainError("CONFLICT", `${owners.all} numbers show the word ${dialled.word}: choose one.`, {
      matches: owners.listed.map(({ memberId: _, ...o }) => o),
    });
  }
  const k = toKeypadDigits(to.number ?? "");
  if (!k.ok) throw new DomainError("INVALID_NUMBER", k.reason);
  if (k.digits.length !== 12)
    throw new DomainError(
      "INVALID_NUMBER",
      `A number has 12 digits (or keypad letters, or a word on its own); you entered ${k.digits.length}.`,
    );
  const n = await db.phoneNumber.findUnique({
    where: { digits: k.digits },
    select: { memberId: true, group: { select: { handle: true, name: true } } },
  });
  if (n?.group) throw groupRefused(n.group);
  if (!n?.memberId) throw new DomainError("NOT_FOUND", "No member has that number.");
  return n.memberId;
}
