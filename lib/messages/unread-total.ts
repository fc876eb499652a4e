import type { Db } from "../db/client";
import { unreadCounts } from "./unread-counts";

/**
 * What the header's badge counts: others' unread messages in the member's accepted conversations,
 * and requests waiting for an answer (each counts once, however many messages it holds).
 */
export async function unreadTotal(db: Db, memberId: string): Promise<{ unread: number; requests: number }> {
  const [accepted, requests] = await Promise.all([unreadCounts(db, memberId, ["accepted"]), unreadCounts(db, memberId, ["request"])]);
  return { unread: [...accepted.values()].reduce((a, b) => a + b, 0), requests: requests.size };
}
