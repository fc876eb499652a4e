import type { PublicStatus } from "../presence/status";

const LABEL: Record<PublicStatus, string> = {
  online: "Online",
  away: "Away",
  busy: "In a call",
  dnd: "Do not disturb",
  offline: "Offline",
};

/** "3 min", "2 h", "4 days": how long ago, in the largest whole unit. */
export function ago(ms: number): string {
  const min = Math.max(0, Math.floor(ms / 60_000));
  if (min < 1) return "moments";
  if (min < 60) return `${min} min`;
  const h = Math.floor(min / 60);
  if (h < 48) return `${h} h`;
  return `${Math.floor(h / 24)} days`;
}

/**
 * The words under a contact's name: "Away for 12 min" when this page saw the change, "Last seen 2 h
 * ago" for someone offline whose last visit they share with the viewer, else the status alone.
 */
export function statusLine(status: PublicStatus, at: { changedAt?: number; lastSeenAt?: string | null; now: number }): string {
  if (status === "offline") {
    // The later of the server's time and a change this page saw: the book is not refetched on every change.
    const seen = Math.max(at.lastSeenAt ? Date.parse(at.lastSeenAt) : 0, at.changedAt ?? 0) || undefined;
    return seen ? (at.now - seen < 60_000 ? "Last seen moments ago" : `Last seen ${ago(at.now - seen)} ago`) : LABEL.offline;
  }
  if (status !== "online" && at.changedAt !== undefined && at.now - at.changedAt >= 60_000)
    return `${LABEL[status]} for ${ago(at.now - at.changedAt)}`;
  return LABEL[status];
}
