import type { Db } from "../db/client";
import type { Mailer } from "../mailbox/notify";
import { EXPIRY_MS } from "../presence/status";
import { digestEmail, type DigestConversation, type DigestMissed } from "./digest-email";
import { digestOffUrl } from "./digest-link";
import { SHOWN_KINDS } from "./schemas";

/** At most one digest an hour, even for a member who comes and goes. */
export const DIGEST_MIN_GAP_MS = 3600_000;
/** A digest is about what came while the member was away, and only recent days of it. */
const LOOK_BACK_MS = 7 * 86400_000;
const BATCH = 200;

export type DigestDeps = { db: Db; mailer: Mailer; secret: string; publicUrl: string };

/**
 * Emails each member who has been away `awayMs` with no live connection, and has unread messages
 * or missed calls that came while away, one digest — to a verified address, if they have not turned digests off —
 * and none again until they have been back (a connection closed after the digest). Each member is
 * claimed by a compare-and-set on `messageDigestSentAt`, so with several presence nodes running
 * this, one digest goes out. Returns how many were sent.
 */
export async function sendDueDigests(deps: DigestDeps, opts: { awayMs: number; now?: Date }): Promise<number> {
  const now = opts.now ?? new Date();
  const awaySince = new Date(now.getTime() - opts.awayMs);
  const lookBack = new Date(Math.max(0, now.getTime() - LOOK_BACK_MS));
  let sent = 0;
  let after: string | undefined;
  // Page by id through every candidate: those skipped below (mailed already, nothing new) must not
  // hold the same first page forever.
  for (;;) {
    const candidates = await deps.db.member.findMany({
      where: {
        ...(after !== undefined && { id: { gt: after } }),
        messageDigests: true,
        emailVerifiedAt: { not: null },
        OR: [{ presenceSeenAt: null }, { presenceSeenAt: { lte: awaySince } }],
        AND: [
          { OR: [{ messageDigestSentAt: null }, { messageDigestSentAt: { lte: new Date(now.getTime() - DIGEST_MIN_GAP_MS) } }] },
          {
            OR: [
              { conversations: { some: { state: "accepted", conversation: { lastMessageAt: { gt: lookBack } } } } },
              { callsReceived: { some: { calleeSeen: false, outcome: "missed", createdAt: { gt: lookBack } } } },
            ],
          },
        ],
        connections: { none: { lastSeenAt: { gt: new Date(now.getTime() - EXPIRY_MS) } } },
      },
      select: { id: true, email: true, displayName: true, presenceSeenAt: true, createdAt: true, messageDigestSentAt: true },
      orderBy: { id: "asc" },
      take: BATCH,
    });
    for (const m of candidates) {
      const since = m.presenceSeenAt ?? m.createdAt;
      // Not again until they have been back: a connection closed after the last digest.
      if (m.messageDigestSentAt && m.messageDigestSentAt >= since) continue;
      const [conversations, missed] = await Promise.all([unreadSince(deps.db, m.id, since), missedSince(deps.db, m.id, since)]);
      if (conversations.length === 0 && missed.length === 0) continue;
      const { count } = await deps.db.member.updateMany({
        where: { id: m.id, messageDigestSentAt: m.messageDigestSentAt },
        data: { messageDigestSentAt: now },
      });
      if (count === 0) continue;
      await deps.mailer.send(
        digestEmail(m, conversations, missed, {
          read: `${deps.publicUrl}/messages`,
          calls: `${deps.publicUrl}/calls`,
          off: digestOffUrl(deps.publicUrl, deps.secret, m.id),
        }),
      );
      sent++;
    }
    if (candidates.length < BATCH) return sent;
    after = candidates.at(-1)!.id;
  }
}

/** Per accepted conversation: others' unread messages that came after `since`, with the latest three lines. */
async function unreadSince(db: Db, memberId: string, since: Date): Promise<DigestConversation[]> {
  const rows = await db.conversationMember.findMany({
    where: { memberId, state: "accepted", conversation: { lastMessageAt: { gt: since } } },
    select: {
      readSeq: true,
      conversation: {
        select: {
          id: true,
          title: true,
          members: { where: { memberId: { not: memberId } }, select: { member: { select: { displayName: true } } } },
        },
      },
    },
  });
  const out: DigestConversation[] = [];
  for (const r of rows) {
    const where = {
      conversationId: r.conversation.id,
      seq: { gt: r.readSeq },
      senderId: { not: memberId },
      kind: { in: [...SHOWN_KINDS] },
      deletedAt: null,
      createdAt: { gt: since },
    };
    const [count, latest] = await Promise.all([
      db.conversationMessage.count({ where }),
      db.conversationMessage.findMany({ where, orderBy: { seq: "desc" }, take: 3, select: { body: true, kind: true, fileName: true } }),
    ]);
    if (count === 0) continue;
    out.push({
      name: r.conversation.title || r.conversation.members.map((x) => x.member.displayName).join(", "),
      count,
      latest: latest.reverse().map((x) => (x.kind === "file" ? `[${x.fileName ?? "a file"}]` : x.body)),
    });
  }
  return out;
}

/** Missed calls not looked at yet that came after `since`, per caller, most recent caller first. */
async function missedSince(db: Db, memberId: string, since: Date): Promise<DigestMissed[]> {
  const rows = await db.call.findMany({
    where: { calleeId: memberId, calleeSeen: false, outcome: "missed", createdAt: { gt: since } },
    orderBy: { createdAt: "desc" },
    take: 200,
    select: { caller: { select: { displayName: true } }, callerId: true },
  });
  const byCaller = new Map<string, DigestMissed>();
  for (const r of rows) {
    const m = byCaller.get(r.callerId) ?? { name: r.caller.displayName, count: 0 };
    m.count++;
    byCaller.set(r.callerId, m);
  }
  return [...byCaller.values()];
}

/** The member turns digests on or off (from the page, or by the link in a digest). */
export async function setDigests(db: Db, memberId: string, on: boolean): Promise<{ on: boolean }> {
  await db.member.update({ where: { id: memberId }, data: { messageDigests: on } });
  return { on };
}

export async function digestsOn(db: Db, memberId: string): Promise<{ on: boolean }> {
  const m = await db.member.findUniqueOrThrow({ where: { id: memberId }, select: { messageDigests: true } });
  return { on: m.messageDigests };
}
