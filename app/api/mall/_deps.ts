import "server-only";
import { mailboxDeps } from "@/app/api/mailbox/_deps";
import { currentGuestId, ensureGuestId } from "@/app/_server/guest-cookie";
import { bus } from "@/lib/bus";
import { db } from "@/lib/db/client";
import type { MemberProfile } from "@/lib/members/get-member";

export const mallDeps = async () => ({ db: await db(), bus: bus() });

export async function orderDeps() {
  const { db, bus, mailer, publicUrl } = await mailboxDeps();
  return { db, bus, mailer, publicUrl };
}

/** Who the shopper is: the signed-in member, else the guest cookie (created only when `create`). */
export async function shopperIdentity(member: MemberProfile | null, create = false) {
  if (member) return { memberId: member.id, guestId: null, name: member.displayName };
  const guestId = create ? await ensureGuestId() : await currentGuestId();
  return { memberId: null, guestId, name: "Guest shopper" };
}
