import type { Db } from "../db/client";
import { SHOWN_KINDS } from "./schemas";
import { unreadCounts } from "./unread-counts";

export type ConversationSummary = {
  id: string;
  kind: string;
  title: string;
  /** The others in it, as the member's list shows them. */
  others: { id: string; handle: string; displayName: string; photoUrl: string | null }[];
  lastSeq: number;
  /** For a group's own conversation: the group's address (its people come and go with the group). */
  groupHandle: string | null;
  lastMessageAt: string | null;
  /** The last message's first words ("" when deleted or none yet). */
  preview: string;
  readSeq: number;
  unread: number;
  /** accepted, or request: someone not in the member's book wrote first (shown under "Requests"). */
  state: "accepted" | "request";
};

/**
 * The member's conversations, latest first, each with its unread count (others' messages after the
 * member's marker). Declined ones are left out.
 */
export async function listConversations({ db, memberId }: { db: Db; memberId: string }): Promise<ConversationSummary[]> {
  const rows = await db.conversationMember.findMany({
    where: { memberId, state: { not: "declined" } },
    select: {
      readSeq: true,
      state: true,
      conversation: {
        select: {
          id: true,
          kind: true,
          title: true,
          lastSeq: true,
          lastMessageAt: true,
          group: { select: { handle: true } },
          members: {
            where: { memberId: { not: memberId } },
            select: { member: { select: { id: true, handle: true, displayName: true, photoKey: true } } },
          },
          messages: {
            where: { kind: { in: [...SHOWN_KINDS] } },
            orderBy: { seq: "desc" },
            take: 1,
            select: { body: true, deletedAt: true, kind: true, fileName: true, fileType: true },
          },
        },
      },
    },
  });
  const unread = await unreadCounts(db, memberId, ["accepted", "request"]);
  return rows
    .map((r) => {
      const c = r.conversation;
      const last = c.messages[0];
      return {
        id: c.id,
        kind: c.kind,
        title: c.title,
        others: c.members.map(({ member: m }) => ({
          id: m.id,
          handle: m.handle,
          displayName: m.displayName,
          photoUrl: m.photoKey ? `/api/members/${encodeURIComponent(m.handle)}/photo` : null,
        })),
        lastSeq: c.lastSeq,
        groupHandle: c.group?.handle ?? null,
        lastMessageAt: c.lastMessageAt?.toISOString() ?? null,
        preview: previewOf(last),
        readSeq: r.readSeq,
        unread: unread.get(c.id) ?? 0,
        state: r.state === "request" ? ("request" as const) : ("accepted" as const),
      };
    })
    .sort((a, b) => (b.lastMessageAt ?? "").localeCompare(a.lastMessageAt ?? ""));
}

function previewOf(
  last: { body: string; deletedAt: Date | null; kind: string; fileName: string | null; fileType: string | null } | undefined,
) {
  if (!last) return "";
  if (last.deletedAt) return "Message deleted";
  if (last.kind === "file") return last.fileType?.startsWith("image/") ? "Photo" : `File: ${last.fileName ?? ""}`;
  return last.body.slice(0, 120);
}
