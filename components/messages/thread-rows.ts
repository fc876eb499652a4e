import type { OutboxItem } from "@/lib/messages/outbox";
import type { WireMessage } from "@/lib/messages/wire";

export type Row =
  | { type: "day"; key: string; label: string }
  | { type: "message"; key: string; m: WireMessage }
  | { type: "pending"; key: string; item: OutboxItem };

const dayLabel = (d: Date, now: Date) => {
  const same = (a: Date, b: Date) => a.toDateString() === b.toDateString();
  if (same(d, now)) return "Today";
  const y = new Date(now);
  y.setDate(y.getDate() - 1);
  if (same(d, y)) return "Yesterday";
  return d.toLocaleDateString([], {
    weekday: "long",
    day: "numeric",
    month: "long",
    year: d.getFullYear() === now.getFullYear() ? undefined : "numeric",
  });
};

/** The thread as rows: a heading for each day, the stored messages, then those still in the browser. */
export function threadRows(messages: WireMessage[], pending: OutboxItem[], memberId: string, now = new Date()): Row[] {
  const rows: Row[] = [];
  let day = "";
  for (const m of messages) {
    const d = new Date(m.createdAt);
    if (d.toDateString() !== day) {
      day = d.toDateString();
      rows.push({ type: "day", key: `day-${day}`, label: dayLabel(d, now) });
    }
    // A client id is unique per sender only; the member's own pending message keeps its key once stored.
    rows.push({ type: "message", key: `${m.senderId}:${m.clientId}`, m });
  }
  const stored = new Set(messages.filter((m) => m.senderId === memberId).map((m) => m.clientId));
  for (const item of pending) if (!stored.has(item.clientId)) rows.push({ type: "pending", key: `${memberId}:${item.clientId}`, item });
  return rows;
}
