import type { Db } from "../db/client";
import { numberIn } from "../numbers/spelling";
import { burnPasswordCheck, verifyPassword } from "./password";

export type SignedInMember = { id: string; handle: string; displayName: string; number: string | null };

/**
 * Sign-in with email or permanent number (any spacing) plus password. Returns
 * null for any mismatch, after spending the same time as a real check.
 */
export async function verifyCredentials(db: Db, identifier: string, password: string): Promise<SignedInMember | null> {
  const id = identifier.trim();
  if (!id || !password || password.length > 200) return null;
  const member = await findAccount(db, id);
  if (!member) {
    await burnPasswordCheck(password);
    return null;
  }
  if (!(await verifyPassword(member.passwordHash, password))) return null;
  const number = await db.phoneNumber.findUnique({ where: { memberId: member.id }, select: { digits: true } });
  return { id: member.id, handle: member.handle, displayName: member.displayName, number: number?.digits ?? null };
}

async function findAccount(db: Db, identifier: string) {
  const id = identifier.trim();
  const digits = numberIn(id);
  return digits
    ? (await db.phoneNumber.findUnique({ where: { digits }, select: { member: true } }))?.member
    : id.includes("@")
      ? await db.member.findUnique({ where: { emailKey: id.toLowerCase() } })
      : null;
}

/** The member an identifier names, if any (to tell whether a known-device cookie is for this account). */
export async function accountIdFor(db: Db, identifier: string): Promise<string | null> {
  const id = identifier.trim().slice(0, 260);
  return id ? ((await findAccount(db, id))?.id ?? null) : null;
}
