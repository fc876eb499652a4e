/**
 * A device's copy of one conversation: entries by sequence, merged from live events, catch-up
 * pages and history in any order and any number of times. The cursor is the highest sequence with
 * every entry up to it present: what the device asks "everything after" on reconnecting, so a gap
 * (a live message that arrived before the ones it missed) is filled, never skipped.
 *
 * Edits and deletes are entries of their own (kind "edit"/"delete", aimed at `targetSeq`): merging
 * applies them to their message when it is here. A message loaded later from the server already
 * carries every change made to it, so a change that arrives before its message loses nothing.
 */
export type ThreadMessage = {
  seq: number;
  clientId: string;
  kind?: string;
  targetSeq?: number | null;
  body?: string;
  file?: unknown;
  createdAt?: string;
  editedAt?: string | null;
  deletedAt?: string | null;
};

export type Thread<M extends ThreadMessage> = { messages: M[]; cursor: number };

export const emptyThread = <M extends ThreadMessage>(cursor = 0): Thread<M> => ({ messages: [], cursor });

const isChange = (m: { kind?: string }) => m.kind === "edit" || m.kind === "delete";

/** Of two copies of one message, the one with more changes in it: deleted, else the later edit. */
function fresher<M extends ThreadMessage>(held: M, incoming: M): M {
  if (held.deletedAt && !incoming.deletedAt) return held;
  if (!held.deletedAt && incoming.deletedAt) return incoming;
  if ((held.editedAt ?? "") > (incoming.editedAt ?? "")) return held;
  return incoming;
}

function applyChange<M extends ThreadMessage>(target: M, change: M): M {
  if (target.deletedAt) return target;
  const at = change.createdAt ?? "";
  if (change.kind === "delete") return { ...target, body: "", file: null, deletedAt: at };
  if ((target.editedAt ?? "") >= at) return target;
  return { ...target, body: change.body ?? "", editedAt: at };
}

/** Adds entries: one per sequence, in order, each change applied to its message. */
export function mergeThread<M extends ThreadMessage>(thread: Thread<M>, incoming: M[]): Thread<M> {
  if (incoming.length === 0) return thread;
  const bySeq = new Map(thread.messages.map((m) => [m.seq, m]));
  for (const m of incoming) {
    const held = bySeq.get(m.seq);
    bySeq.set(m.seq, held ? fresher(held, m) : m);
  }
  for (const change of incoming.filter(isChange).sort((a, b) => a.seq - b.seq)) {
    const target = change.targetSeq ? bySeq.get(change.targetSeq) : undefined;
    if (target) bySeq.set(target.seq, applyChange(target, change));
  }
  const messages = [...bySeq.values()].sort((a, b) => a.seq - b.seq);
  let cursor = thread.cursor;
  while (bySeq.has(cursor + 1)) cursor++;
  return { messages, cursor };
}

/** What the thread shows: messages and files, not the changes applied to them. */
export const shownMessages = <M extends ThreadMessage>(thread: Thread<M>): M[] => thread.messages.filter((m) => !isChange(m));

/** Read markers only move forward: an older receipt arriving late changes nothing. */
export const laterMarker = (current: number, incoming: number) => Math.max(current, incoming);

/** Unread: messages after the marker, not counting the member's own nor changes. */
export function unreadCount(messages: { seq: number; senderId: string; kind?: string }[], readSeq: number, memberId: string): number {
  return messages.filter((m) => m.seq > readSeq && m.senderId !== memberId && !isChange(m)).length;
}
