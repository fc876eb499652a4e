import type { Marker } from "@/lib/messages/history";
import {
  discard,
  due,
  enqueue,
  failed,
  isRetryable,
  type Outbox,
  type OutboxItem,
  restore,
  retry,
  sent,
  serialize,
  wake,
} from "@/lib/messages/outbox";
import { TYPING_EVERY_MS, TYPING_SHOWN_MS, type WireMessage } from "@/lib/messages/wire";
import { emptyThread, laterMarker, mergeThread, type Thread } from "@/lib/messages/thread";
import { uuid7 } from "@/lib/messages/uuid7";
import type { MemberEvent } from "@/lib/presence/events";
import { ApiError, apiGet, apiSend } from "../api";
import type { PresenceClient } from "../presence/presence-client";

export type ThreadState = {
  thread: Thread<WireMessage>;
  /** Older entries exist on the server. */
  more: boolean;
  loadingOlder: boolean;
  /** Receipts: how far each other participant received and read. */
  markers: Record<string, Marker>;
};

type Listener = () => void;

/**
 * The page's messages: the threads it holds, its queue of messages not yet stored (kept in
 * localStorage, so a reload loses nothing), and who is typing. One per page, for the signed-in
 * member; it lives across navigations so the queue keeps sending while the member is elsewhere.
 *
 * Live `message` events are merged as they come; on every (re)connection the store asks for
 * everything after each held thread's cursor, so whatever the socket missed is filled in, in order.
 */
export class MessageStore {
  private threads = new Map<string, ThreadState>();
  private loading = new Map<string, Promise<void>>();
  private outbox: Outbox = [];
  private typing = new Map<string, Map<string, number>>();
  private lastFrom = new Map<string, number>();
  private lastTypingSent = new Map<string, number>();
  private deliveredSent = new Map<string, number>();
  private readSent = new Map<string, number>();
  private listeners = new Set<Listener>();
  private timer: ReturnType<typeof setInterval> | null = null;
  private stops: (() => void)[] = [];
  private wasConnected = false;
  private pumping = false;
  /** Bumped on every change: what React compares. */
  version = 0;

  constructor(
    readonly memberId: string,
    private readonly presence: PresenceClient | null,
  ) {}

  private get storageKey() {
    return `portal-outbox:${this.memberId}`;
  }

  start(): void {
    try {
      this.outbox = restore(localStorage.getItem(this.storageKey));
    } catch {
      this.outbox = [];
    }
    if (this.presence) {
      this.stops.push(this.presence.onEvent((e) => this.onEvent(e)));
      this.stops.push(
        this.presence.subscribe(() => {
          const now = this.presence!.connected;
          if (now && !this.wasConnected) {
            void this.sync();
            this.wake();
          }
          this.wasConnected = now;
        }),
      );
    }
    const online = () => this.wake();
    window.addEventListener("online", online);
    this.stops.push(() => window.removeEventListener("online", online));
    this.timer = setInterval(() => {
      void this.pump();
      this.expireTyping();
    }, 1000);
    // The last messages of a burst told while the bus was down leave no hole to notice: ask now and
    // then, while the page is in view, for anything after the cursors (one small request).
    const every = setInterval(() => document.visibilityState === "visible" && void this.sync(), 60_000);
    this.stops.push(() => clearInterval(every));
    void this.pump();
  }

  stop(): void {
    for (const s of this.stops) s();
    this.stops = [];
    if (this.timer) clearInterval(this.timer);
    if (this.syncTimer) clearTimeout(this.syncTimer);
  }

  subscribe(l: Listener): () => void {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  }

  private changed() {
    this.version++;
    for (const l of this.listeners) l();
  }

  thread(conversationId: string): ThreadState | undefined {
    return this.threads.get(conversationId);
  }

  /** Messages of this conversation still in the browser: sending, waiting, or unsent. */
  pending(conversationId: string): OutboxItem[] {
    return this.outbox.filter((x) => x.conversationId === conversationId).sort((a, b) => a.writtenAt - b.writtenAt);
  }

  typers(conversationId: string): string[] {
    const now = Date.now();
    return [...(this.typing.get(conversationId) ?? new Map<string, number>())].filter(([, until]) => until > now).map(([id]) => id);
  }

  /** Loads the latest page of a conversation the first time it is opened. */
  open(conversationId: string): Promise<void> {
    if (this.threads.has(conversationId)) return Promise.resolve();
    let p = this.loading.get(conversationId);
    if (!p) {
      p = this.loadLatest(conversationId).finally(() => this.loading.delete(conversationId));
      this.loading.set(conversationId, p);
    }
    return p;
  }

  private async loadLatest(conversationId: string): Promise<void> {
    const page = await apiGet<{ messages: WireMessage[]; more: boolean; markers: Marker[] }>(
      `/api/messages/${encodeURIComponent(conversationId)}`,
    );
    // The latest page runs without a gap to the last entry: the cursor starts just before it.
    const start = page.messages[0] ? page.messages[0].seq - 1 : 0;
    const held = this.threads.get(conversationId);
    const thread = mergeThread(emptyThread<WireMessage>(start), [...page.messages, ...(held?.thread.messages ?? [])]);
    this.threads.set(conversationId, {
      thread,
      more: page.more,
      loadingOlder: false,
      markers: Object.fromEntries(page.markers.map((m) => [m.memberId, m])),
    });
    this.changed();
    this.acknowledge(conversationId);
    // A message told while the page was loading reached no thread: ask for anything after the page.
    void this.sync();
  }

  private olderLoading = new Map<string, Promise<void>>();

  /** Scrolling back: the page before the oldest held (a second call while one loads waits for it). */
  older(conversationId: string, limit = 50): Promise<void> {
    const running = this.olderLoading.get(conversationId);
    if (running) return running;
    const p = this.loadOlder(conversationId, limit).finally(() => this.olderLoading.delete(conversationId));
    this.olderLoading.set(conversationId, p);
    return p;
  }

  private async loadOlder(conversationId: string, limit: number): Promise<void> {
    const t = this.threads.get(conversationId);
    if (!t || !t.more) return;
    const first = t.thread.messages[0]?.seq;
    if (!first) return;
    this.threads.set(conversationId, { ...t, loadingOlder: true });
    this.changed();
    try {
      const page = await apiGet<{ messages: WireMessage[]; more: boolean }>(
        `/api/messages/${encodeURIComponent(conversationId)}?before=${first}&limit=${limit}`,
      );
      const now = this.threads.get(conversationId)!;
      this.threads.set(conversationId, { ...now, thread: mergeThread(now.thread, page.messages), more: page.more, loadingOlder: false });
    } catch (err) {
      const now = this.threads.get(conversationId)!;
      this.threads.set(conversationId, { ...now, loadingOlder: false });
      throw err;
    } finally {
      this.changed();
    }
  }

  /** Everything after each held thread's cursor: what the socket may have missed while away. */
  async sync(): Promise<void> {
    const cursors = Object.fromEntries([...this.threads].map(([id, t]) => [id, t.thread.cursor]));
    if (Object.keys(cursors).length === 0) return;
    for (let round = 0; round < 50; round++) {
      const page = await apiSend<{ messages: WireMessage[]; more: boolean }>("POST", "/api/messages/sync", { cursors, only: true }).catch(
        () => null,
      );
      if (!page) return;
      this.receive(page.messages);
      if (!page.more) return;
      for (const [id, t] of this.threads) cursors[id] = t.thread.cursor;
    }
  }

  private receive(messages: WireMessage[]) {
    const by = new Map<string, WireMessage[]>();
    for (const m of messages) by.set(m.conversationId, [...(by.get(m.conversationId) ?? []), m]);
    let any = false;
    let gap = false;
    for (const [id, ms] of by) {
      const t = this.threads.get(id);
      // A thread not held yet loads its latest page when opened; the list shows the rest.
      if (!t) continue;
      const thread = mergeThread(t.thread, ms);
      this.threads.set(id, { ...t, thread });
      // A live message past a hole: one was missed (the bus was down a moment): ask for what is missing.
      if ((thread.messages.at(-1)?.seq ?? 0) > thread.cursor) gap = true;
      // A message from someone clears their typing notice (and one that arrives just after it is late).
      for (const m of ms) {
        this.typing.get(id)?.delete(m.senderId);
        this.lastFrom.set(`${id}:${m.senderId}`, Date.now());
      }
      any = true;
      this.acknowledge(id);
    }
    if (gap) this.syncSoon();
    if (any) this.changed();
  }

  private syncTimer: ReturnType<typeof setTimeout> | null = null;

  private syncSoon() {
    if (this.syncTimer) return;
    this.syncTimer = setTimeout(() => {
      this.syncTimer = null;
      void this.sync();
    }, 300);
  }

  private onEvent(e: MemberEvent) {
    if (e.type === "message") this.receive([e.data]);
    else if (e.type === "read") {
      const t = this.threads.get(e.data.conversationId);
      if (!t || e.data.memberId === this.memberId) return;
      const before = t.markers[e.data.memberId];
      const marker = {
        memberId: e.data.memberId,
        readSeq: laterMarker(before?.readSeq ?? 0, e.data.readSeq),
        deliveredSeq: laterMarker(before?.deliveredSeq ?? 0, e.data.deliveredSeq),
      };
      this.threads.set(e.data.conversationId, { ...t, markers: { ...t.markers, [e.data.memberId]: marker } });
      this.changed();
    } else if (e.type === "typing") {
      // A replayed notice (after a reconnect) is stale: only fresh ones show.
      if (Date.now() - e.at > TYPING_SHOWN_MS) return;
      // "Typing" sent just before the message can arrive just after it: not news any more.
      if (Date.now() - (this.lastFrom.get(`${e.data.conversationId}:${e.data.memberId}`) ?? 0) < 1500) return;
      const m = this.typing.get(e.data.conversationId) ?? new Map<string, number>();
      m.set(e.data.memberId, Date.now() + TYPING_SHOWN_MS);
      this.typing.set(e.data.conversationId, m);
      this.changed();
    }
  }

  private expireTyping() {
    const now = Date.now();
    let any = false;
    for (const m of this.typing.values())
      for (const [id, until] of m)
        if (until <= now) {
          m.delete(id);
          any = true;
        }
    if (any) this.changed();
  }

  /** Tells the server this device has the thread up to its cursor (the sender sees "delivered"). */
  private acknowledge(conversationId: string) {
    const cursor = this.threads.get(conversationId)?.thread.cursor ?? 0;
    if (cursor <= (this.deliveredSent.get(conversationId) ?? 0)) return;
    const last = this.threads.get(conversationId)!.thread.messages.at(-1);
    // Nothing of someone else's to acknowledge: one's own messages count as delivered already.
    if (!last || last.senderId === this.memberId) return;
    this.deliveredSent.set(conversationId, cursor);
    void apiSend("POST", `/api/messages/${encodeURIComponent(conversationId)}/read`, { seq: cursor, marker: "delivered" }).catch(() =>
      this.deliveredSent.delete(conversationId),
    );
  }

  /** The member has seen the thread up to `seq` (the page calls this while it is visible). */
  markRead(conversationId: string, seq: number, knownReadSeq: number): void {
    if (seq <= Math.max(knownReadSeq, this.readSent.get(conversationId) ?? 0)) return;
    this.readSent.set(conversationId, seq);
    void apiSend("POST", `/api/messages/${encodeURIComponent(conversationId)}/read`, { seq }).catch(() =>
      this.readSent.delete(conversationId),
    );
  }

  /** "Typing…" to the others, at most every few seconds. */
  typingNow(conversationId: string): void {
    const now = Date.now();
    if (now - (this.lastTypingSent.get(conversationId) ?? 0) < TYPING_EVERY_MS) return;
    this.lastTypingSent.set(conversationId, now);
    void apiSend("POST", `/api/messages/${encodeURIComponent(conversationId)}/typing`).catch(() => {});
  }

  send(conversationId: string, body: string, replyToSeq?: number): void {
    this.lastTypingSent.delete(conversationId);
    this.setOutbox(enqueue(this.outbox, { clientId: uuid7(), conversationId, body, replyToSeq }, Date.now()));
    void this.pump();
  }

  /** The network is back: send what waits now rather than at its next backoff. */
  private wake() {
    this.setOutbox(wake(this.outbox, Date.now()));
    void this.pump();
  }

  retry(clientId: string): void {
    this.setOutbox(retry(this.outbox, clientId, Date.now()));
    void this.pump();
  }

  discard(clientId: string): void {
    this.setOutbox(discard(this.outbox, clientId));
  }

  /** A stored entry (a file sent, an edit, a delete) that this page made itself: shown at once. */
  stored(message: WireMessage): void {
    this.receive([message]);
  }

  private setOutbox(box: Outbox) {
    this.outbox = box;
    try {
      localStorage.setItem(this.storageKey, serialize(box));
    } catch {
      /* storage full or refused: the queue still works for this page */
    }
    this.changed();
  }

  /** Sends what is due, one message in flight per conversation. */
  private async pump(): Promise<void> {
    if (this.pumping) return;
    this.pumping = true;
    try {
      for (;;) {
        const { box, send } = due(this.outbox, Date.now());
        if (send.length === 0) return;
        this.setOutbox(box);
        await Promise.all(send.map((item) => this.sendOne(item)));
      }
    } finally {
      this.pumping = false;
    }
  }

  /**
   * The first try over the presence socket when connected (no request per message); the route
   * otherwise, and for every retry: a socket that looks connected may be half-open, or its node
   * unable to store, while the route works. The message's id makes the two ways one message.
   */
  private async post(item: OutboxItem): Promise<WireMessage> {
    const fields = { clientId: item.clientId, body: item.body, replyToSeq: item.replyToSeq };
    const viaSocket = item.attempts <= 1 ? this.presence?.send({ conversationId: item.conversationId, ...fields }) : null;
    if (!viaSocket) {
      return (await apiSend<{ message: WireMessage }>("POST", `/api/messages/${encodeURIComponent(item.conversationId)}`, fields)).message;
    }
    // A socket that timed out or dropped is a lost connection, as a failed fetch is (status 0).
    const r = await viaSocket.catch(() => {
      throw new ApiError(0, { code: "NETWORK", message: "Not sent: no connection" });
    });
    if ("error" in r) {
      const { status, ...body } = r.error;
      throw new ApiError(status, body);
    }
    return r.message;
  }

  private async sendOne(item: OutboxItem): Promise<void> {
    try {
      const message = await this.post(item);
      this.setOutbox(sent(this.outbox, item.clientId));
      this.receive([message]);
    } catch (err) {
      const status = err instanceof ApiError ? err.status : 0;
      const retryAfter = err instanceof ApiError ? Number((err.body as { retryAfterSeconds?: number }).retryAfterSeconds ?? 0) * 1000 : 0;
      this.setOutbox(
        failed(this.outbox, item.clientId, Date.now(), {
          retryable: isRetryable(status),
          reason: err instanceof ApiError && status !== 0 ? err.message : "Not sent: no connection",
          retryAfterMs: retryAfter || undefined,
        }),
      );
    }
  }
}
