import { unseenMissedCount } from "../calls/history";
import type { Db } from "../db/client";
import { unreadCount } from "../mailbox/messages";
import { unreadTotal } from "../messages/unread-total";

/** What the header shows a signed-in member: missed calls, unread mail and messages, and whether they work in a shop. */
export async function headerCounts(db: Db, memberId: string): Promise<{ missed: number; unread: number; chats: number; staff: boolean }> {
  const [missed, unread, chats, shops] = await Promise.all([
    unseenMissedCount(db, memberId),
    unreadCount(db, memberId),
    unreadTotal(db, memberId),
    db.merchantStaff.count({ where: { memberId } }),
  ]);
  return { missed, unread, chats: chats.unread + chats.requests, staff: shops > 0 };
}
