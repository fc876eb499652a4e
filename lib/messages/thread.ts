/**
 * A device's copy of one conversation: messages by sequence, merged from live events, catch-up
 * pages and history in any order and any number of times. The cursor is the highest sequence with
 * every message up to it present: what the device asks "everything after" on reconnecting, so a gap
 * (a live message that arrived before the ones it missed) is filled, never skipped.
 */
export type ThreadMessage = { seq: number; clientId: string };

export type Thread<M extends ThreadMessage> = { messages: M[]; cursor: number };

export const emptyThread = <M extends ThreadMessage>(cursor = 0): Thread<M> => ({ messages: [], cursor });

/** Adds messages: one per sequence (a later copy replaces an earlier one: an edit or a delete), in order. */
export function mergeThread<M extends ThreadMessage>(thread: Thread<M>, incoming: M[]): Thread<M> {
  if (incoming.length === 0) return thread;
  const bySeq = new Map(thread.messages.map((m) => [m.seq, m]));
  for (const m of incoming) bySeq.set(m.seq, m);
  const messages = [...bySeq.values()].sort((a, b) => a.seq - b.seq);
  let cursor = thread.cursor;
  while (bySeq.has(cursor + 1)) cursor++;
  return { messages, cursor };
}

/** Read markers only move forward: an older receipt arriving late changes nothing. */
export const laterMarker = (current: number, incoming: number) => Math.max(current, incoming);

/** Unread: messages after the marker, not counting the member's own. */
export function unreadCount(messages: { seq: number; senderId: string }[], readSeq: number, memberId: string): number {
  return messages.filter((m) => m.seq > readSeq && m.senderId !== memberId).length;
}
