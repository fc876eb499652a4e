import type { Db } from "../db/client";

/** The signed-in member's own account settings (not part of the public profile). */
export async function accountStatus(
  db: Db,
  memberId: string,
): Promise<{ email: string; emailVerified: boolean; acceptsGuestMessages: boolean } | null> {
  const m = await db.member.findUnique({
    where: { id: memberId },
    select: { email: true, emailVerifiedAt: true, acceptsGuestMessages: true },
  });
  return m ? { email: m.email, emailVerified: !!m.emailVerifiedAt, acceptsGuestMessages: m.acceptsGuestMessages } : null;
}

export async function setAcceptsGuestMessages(db: Db, memberId: string, accepts: boolean): Promise<{ acceptsGuestMessages: boolean }> {
  await db.member.update({ where: { id: memberId }, data: { acceptsGuestMessages: accepts } });
  return { acceptsGuestMessages: accepts };
}
