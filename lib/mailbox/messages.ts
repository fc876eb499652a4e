import type { Db } from "../db/client";
import { DomainError } from "../errors";
import { SHOWN_NUMBER, shownNumber } from "../numbers/spelling";
import type { Storage } from "../storage";
import { TRASH_DAYS } from "./limits";

export type Folder = "inbox" | "trash";

export type MessageView = {
  id: string;
  kind: string;
  durationMs: number;
  createdAt: string;
  read: boolean;
  deletedAt: string | null;
  hasThumb: boolean;
  fromCall: boolean;
  from:
    | { type: "member"; id: string; handle: string; displayName: string; formattedNumber: string | null; photoUrl: string | null }
    | { type: "guest"; name: string; email: string | null }
    | { type: "gone" };
};

export async function listMessages(db: Db, ownerId: string, folder: Folder): Promise<MessageView[]> {
  const rows = await db.message.findMany({
    where: { ownerId, deletedAt: folder === "inbox" ? null : { not: null } },
    orderBy: folder === "inbox" ? { createdAt: "desc" } : { deletedAt: "desc" },
    take: 200,
    include: { sender: { select: { id: true, handle: true, displayName: true, photoKey: true, number: { select: SHOWN_NUMBER } } } },
  });
  return rows.map((m) => ({
    id: m.id,
    kind: m.kind,
    durationMs: m.durationMs,
    createdAt: m.createdAt.toISOString(),
    read: m.readAt !== null,
    deletedAt: m.deletedAt?.toISOString() ?? null,
    hasThumb: m.thumbKey !== null,
    fromCall: m.callId !== null,
    from: m.sender
      ? {
          type: "member",
          id: m.sender.id,
          handle: m.sender.handle,
          displayName: m.sender.displayName,
          formattedNumber: shownNumber(m.sender.number),
          photoUrl: m.sender.photoKey ? `/api/members/${encodeURIComponent(m.sender.handle)}/photo` : null,
        }
      : m.guestName
        ? { type: "guest", name: m.guestName, email: m.guestEmail }
        : { type: "gone" },
  }));
}

export function unreadCount(db: Db, ownerId: string): Promise<number> {
  return db.message.count({ where: { ownerId, readAt: null, deletedAt: null } });
}

/** Read/unread and trash/restore; someone else's message is "not found", never "forbidden". */
export async function updateMessage(db: Db, ownerId: string, id: string, change: { read?: boolean; trashed?: boolean }, now = new Date()) {
  const data: { readAt?: Date | null; deletedAt?: Date | null } = {};
  if (change.read !== undefined) data.readAt = change.read ? now : null;
  if (change.trashed !== undefined) data.deletedAt = change.trashed ? now : null;
  const res = await db.message.updateMany({ where: { id, ownerId }, data });
  if (res.count === 0) throw new DomainError("NOT_FOUND", "No such message.");
  return unreadCount(db, ownerId);
}

export async function messageFile(db: Db, ownerId: string, id: string, which: "media" | "thumb") {
  const m = await db.message.findFirst({
    where: { id, ownerId },
    select: { mediaKey: true, mime: true, thumbKey: true, kind: true, createdAt: true },
  });
  if (!m) throw new DomainError("NOT_FOUND", "No such message.");
  if (which === "thumb") {
    if (!m.thumbKey) throw new DomainError("NOT_FOUND", "This message has no picture.");
    return { key: m.thumbKey, mime: "image/jpeg", name: `message-${id}.jpg` };
  }
  const ext = m.mediaKey.split(".").pop();
  return { key: m.mediaKey, mime: m.mime, name: `${m.kind}-message-${m.createdAt.toISOString().slice(0, 10)}.${ext}` };
}

/** Empties the trash of what has been there longer than 30 days, files included. */
export async function purgeTrash(db: Db, storage: Storage, now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - TRASH_DAYS * 24 * 60 * 60_000);
  const old = await db.message.findMany({ where: { deletedAt: { lt: cutoff } }, select: { id: true, mediaKey: true, thumbKey: true } });
  for (const m of old) {
    await storage.delete(m.mediaKey);
    if (m.thumbKey) await storage.delete(m.thumbKey);
    await db.message.delete({ where: { id: m.id } });
  }
  return old.length;
}
