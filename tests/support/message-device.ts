import type { Db } from "../../lib/db/client";
import { messagesAfter } from "../../lib/messages/messages-after";
import type { WireMessage } from "../../lib/messages/schemas";
import { emptyThread, mergeThread, type Thread } from "../../lib/messages/thread";
import type { MemberEvent } from "../../lib/presence/events";
import { connectClient, memberTicket, type TestClient } from "./presence";

/**
 * A device as the browser's message store is one: live `message` events merged into per-conversation
 * threads, and everything after each cursor asked for on every (re)connection and whenever a live
 * message shows a gap (one was missed). The asking is the sync route's one lib call.
 */
export function messageDevice(db: Db, memberId: string, url: string) {
  const threads = new Map<string, Thread<WireMessage>>();
  let lastEventId: string | undefined;
  let syncing: Promise<void> | null = null;
  let again = false;
  const received = { live: 0, synced: 0 };

  const merge = (ms: WireMessage[]) => {
    let gap = false;
    for (const m of ms) {
      const t = mergeThread(threads.get(m.conversationId) ?? emptyThread<WireMessage>(), [m]);
      threads.set(m.conversationId, t);
      if (t.messages.at(-1)!.seq > t.cursor) gap = true;
    }
    return gap;
  };

  const sync = (): Promise<void> => {
    if (syncing) {
      again = true;
      return syncing;
    }
    syncing = (async () => {
      do {
        again = false;
        for (;;) {
          const cursors = Object.fromEntries([...threads].map(([id, t]) => [id, t.cursor]));
          const page = await messagesAfter({ db, memberId, cursors });
          received.synced += page.messages.length;
          merge(page.messages);
          if (!page.more) break;
        }
      } while (again);
    })().finally(() => (syncing = null));
    return syncing;
  };

  const socket: TestClient = connectClient(url, async () => ({ ticket: await memberTicket(memberId), lastEventId }), {
    reconnection: true,
  });
  socket.on("connect", () => void sync().catch(() => undefined));
  // As the browser's client: a refused handshake (a node or Redis down) is not retried by Socket.IO itself.
  let closed = false;
  socket.on("connect_error", () => {
    if (!socket.active && !closed) setTimeout(() => !closed && socket.connect(), 300);
  });
  socket.on("event", (e: MemberEvent) => {
    lastEventId = e.id;
    if (e.type !== "message") return;
    received.live++;
    if (merge([e.data])) void sync().catch(() => undefined);
  });

  return {
    socket,
    received,
    sync,
    thread: (conversationId: string) => threads.get(conversationId) ?? emptyThread<WireMessage>(),
    close: () => {
      closed = true;
      socket.close();
    },
  };
}
