import { unseenMissedCount } from "../calls/history";
import type { Db } from "../db/client";
import { unreadCount } from "../mailbox/messages";

/** What the header shows a signed-in member: missed calls, unread messages, and whether they work in a shop. */
export async function headerCounts(db: Db, memberId: string): Promise<{ missed: number; unread: number; staff: boolean }> {
  const [missed, unread, shops] = await Promise.all([
    unseenMissedCount(db, memberId),
    unreadCount(db, memberId),
    db.merchantStaff.count({ where: { memberId } }),
  ]);
  return { missed, unread, staff: shops > 0 };
}
