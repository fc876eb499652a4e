import type { BusPublisher } from "../bus/types";
import type { Db } from "../db/client";
import { getStatus } from "../presence/read-model";
import { statusesSeenBy } from "../presence/visibility-store";
import { announceMessage } from "./announce";
import { sendMessage, type TextStored } from "./send-message";
import { uuid7 } from "./uuid7";

/** At most one auto-reply per member and conversation in this time. */
export const AWAY_REPLY_GAP_MS = 3600_000;
/** Who has an auto-reply set, re-read this often: sends never parse rule documents. */
const CACHE_MS = 10_000;
export const AUTO_REPLY_PREFIX = "Auto-reply: ";

let cache: { at: number; ids: Set<string> } | null = null;

async function membersWithReplies(db: Db, now: number): Promise<Set<string>> {
  if (cache && now - cache.at < CACHE_MS) return cache.ids;
  const rows = await db.routingRules.findMany({ where: { awayReply: { not: "" } }, select: { memberId: true } });
  cache = { at: now, ids: new Set(rows.map((r) => r.memberId)) };
  return cache.ids;
}

/** Forgets who has a reply set (a member just saved theirs: the next message reads it again). */
export function forgetAwayReplies(): void {
  cache = null;
}

/**
 * After a message in a direct conversation: the other member, if away and with an away reply set,
 * answers with it, once an hour per conversation (claimed in the database, so two processes send
 * one). Only conversations they accepted: a stranger's request gets no answer. An auto-reply is
 * never answered itself, so two away members do not answer each other forever.
 */
export async function sendAwayReplies(
  deps: { db: Db; bus: BusPublisher },
  stored: TextStored,
  senderId: string,
  now = new Date(),
): Promise<number> {
  const { db } = deps;
  const ids = await membersWithReplies(db, now.getTime());
  const candidates = stored.to.filter((id) => id !== senderId && ids.has(id));
  if (candidates.length === 0 || stored.message.body.startsWith(AUTO_REPLY_PREFIX)) return 0;
  const conversationId = stored.message.conversationId;
  const conversation = await db.conversation.findUnique({ where: { id: conversationId }, select: { kind: true } });
  if (conversation?.kind !== "direct") return 0;
  let sent = 0;
  for (const memberId of candidates) {
    // Away as the sender may see it: "I'm away" tells nothing to someone the member hides from.
    const seen = (await statusesSeenBy(db, { [memberId]: await getStatus(db, memberId, now) }, senderId))[memberId];
    if (seen !== "away") continue;
    const claimed = await db.conversationMember.updateMany({
      where: {
        conversationId,
        memberId,
        state: "accepted",
        OR: [{ autoRepliedAt: null }, { autoRepliedAt: { lt: new Date(now.getTime() - AWAY_REPLY_GAP_MS) } }],
      },
      data: { autoRepliedAt: now },
    });
    if (claimed.count === 0) continue;
    const rules = await db.routingRules.findUnique({ where: { memberId }, select: { awayReply: true } });
    if (!rules?.awayReply) continue;
    const markers = await db.conversationMember.findUnique({
      where: { conversationId_memberId: { conversationId, memberId } },
      select: { readSeq: true, deliveredSeq: true },
    });
    const reply = await sendMessage({
      db,
      senderId: memberId,
      conversationId,
      input: { clientId: uuid7(), body: `${AUTO_REPLY_PREFIX}${rules.awayReply}` },
    });
    // Writing moves the author's own markers past what they were sent; the member read none of it.
    if (markers)
      await db.conversationMember.updateMany({
        where: { conversationId, memberId, readSeq: reply.message.seq },
        data: { readSeq: markers.readSeq, deliveredSeq: markers.deliveredSeq },
      });
    if (reply.created) await announceMessage(deps, reply.message, reply.to);
    sent++;
  }
  return sent;
}
