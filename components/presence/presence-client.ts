import { io, type Socket } from "socket.io-client";
import type { ClientToServer, MemberEvent, PresenceChange, ServerToClient, SocketSend, SocketSendAck } from "@/lib/presence/events";
import type { PresenceSetting, PublicStatus } from "@/lib/presence/status";

type Self = { setting: PresenceSetting; status: PublicStatus };
type Listener = () => void;

const ACTIVITY_EVENTS = ["pointerdown", "pointermove", "keydown", "wheel", "touchstart", "focus"] as const;

export function deviceId(): string {
  try {
    let id = localStorage.getItem("portal-device");
    if (!id) {
      id = crypto.randomUUID();
      localStorage.setItem("portal-device", id);
    }
    return id;
  } catch {
    return "no-storage";
  }
}

/**
 * The page's one connection to the presence server. Opened on first need (at
 * once for a signed-in member), it fetches a fresh ticket for every attempt,
 * reconnects with exponential backoff and jitter, re-sends what it watches
 * after a reconnect, and asks for missed member events by the last id it saw.
 */
export class PresenceClient {
  private socket: Socket<ServerToClient, ClientToServer> | null = null;
  private statuses = new Map<string, PublicStatus>();
  /** When a live change was seen, per member: "away for 12 min" counts from it. */
  private changed = new Map<string, number>();
  private watchCounts = new Map<string, number>();
  private listeners = new Set<Listener>();
  private eventListeners = new Set<(e: MemberEvent) => void>();
  private lastEventId: string | undefined;
  private seenEvents = new Set<string>();
  private watchTimer: ReturnType<typeof setTimeout> | null = null;
  private idleTimer: ReturnType<typeof setTimeout> | null = null;
  private idle = false;
  private started = false;
  self: Self | null = null;
  lastError: string | null = null;
  connected = false;
  transport: string | null = null;

  constructor(private readonly opts: { autoAwayMs: number }) {}

  connect(): void {
    if (this.started) return;
    this.started = true;
    void this.open();
  }

  private async fetchTicket(): Promise<{ ticket: string; url: string } | null> {
    try {
      const res = await fetch("/api/presence/ticket", { method: "POST" });
      return res.ok ? ((await res.json()) as { ticket: string; url: string }) : null;
    } catch {
      return null;
    }
  }

  private async open(): Promise<void> {
    // The first ticket also says where the presence server is.
    let first = await this.fetchTicket();
    while (!first) {
      await new Promise((r) => setTimeout(r, 3000 + Math.random() * 3000));
      first = await this.fetchTicket();
    }
    let pending: string | null = first.ticket;
    // Gone offline while the ticket was on its way: the "offline" event found no socket to close, and
    // a socket opened now would be one the page believes closed (a browser's emulated offline lets a
    // new WebSocket through). Wait for the network.
    if (!navigator.onLine) {
      await new Promise((r) => window.addEventListener("online", r, { once: true }));
      // Tickets are short-lived: the connection asks for a fresh one rather than have this one refused.
      pending = null;
    }
    const socket: Socket<ServerToClient, ClientToServer> = io(first.url, {
      transports: ["websocket", "polling"],
      tryAllTransports: true,
      reconnectionDelay: 1000,
      reconnectionDelayMax: 30_000,
      randomizationFactor: 0.5,
      auth: (cb) => {
        const send = (ticket: string | undefined) => cb({ ticket, deviceId: deviceId(), lastEventId: this.lastEventId });
        if (pending) {
          send(pending);
          pending = null;
        } else void this.fetchTicket().then((t) => send(t?.ticket));
      },
    });
    this.socket = socket;
    socket.on("connect", () => {
      this.connected = true;
      this.transport = socket.io.engine.transport.name;
      socket.io.engine.on("upgrade", (t: { name: string }) => {
        this.transport = t.name;
        this.notify();
      });
      this.sendWatch();
      if (this.idle) socket.emit("idle", true);
      this.notify();
    });
    socket.on("disconnect", () => {
      this.connected = false;
      this.notify();
    });
    socket.on("connect_error", (err) => {
      // A refused ticket is not retried by Socket.IO itself: try again shortly with a fresh one.
      this.lastError = err.message;
      if (!socket.active) setTimeout(() => socket.connect(), 2000 + Math.random() * 2000);
      this.notify();
    });
    socket.on("presence", (changes: PresenceChange[]) => {
      for (const c of changes) {
        const before = this.statuses.get(c.memberId);
        if (before !== undefined && before !== c.status) this.changed.set(c.memberId, Date.now());
        this.statuses.set(c.memberId, c.status);
      }
      this.notify();
    });
    socket.on("self", (s) => {
      this.self = s;
      this.notify();
    });
    socket.on("event", (e) => {
      // A replayed event can also arrive live once: deliver each id once.
      if (this.seenEvents.has(e.id)) return;
      this.seenEvents.add(e.id);
      if (this.seenEvents.size > 500) this.seenEvents.delete(this.seenEvents.values().next().value!);
      this.lastEventId = e.id;
      for (const l of this.eventListeners) l(e);
    });
    this.watchActivity();
    window.addEventListener("offline", this.onOffline);
    window.addEventListener("online", this.onOnline);
  }

  /**
   * The browser knows the network is gone before any ping times out: say so at once (pages show it,
   * and nothing waits on a dead socket); and when it is back, connect at once rather than at the
   * next step of the backoff, which may be half a minute away.
   */
  private onOffline = () => {
    this.socket?.disconnect();
    this.connected = false;
    this.notify();
  };

  private onOnline = () => {
    if (this.socket && !this.socket.connected) this.socket.connect();
  };

  /**
   * Sends a text message over the socket, which is much quicker than a request per message; null
   * when not connected (the caller uses the route). A lost answer rejects after `timeoutMs`: the
   * caller tries again with the same id, which the server recognises.
   */
  send(m: SocketSend, timeoutMs = 10_000): Promise<SocketSendAck> | null {
    const socket = this.socket;
    if (!socket?.connected) return null;
    return new Promise((resolve, reject) => {
      socket.timeout(timeoutMs).emit("send", m, (err: Error | null, r: SocketSendAck) => (err ? reject(err) : resolve(r)));
    });
  }

  close(): void {
    window.removeEventListener("offline", this.onOffline);
    window.removeEventListener("online", this.onOnline);
    this.socket?.disconnect();
    this.socket = null;
    this.started = false;
    for (const ev of ACTIVITY_EVENTS) window.removeEventListener(ev, this.onActivity);
    if (this.idleTimer) clearTimeout(this.idleTimer);
  }

  subscribe(l: Listener): () => void {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  }

  onEvent(l: (e: MemberEvent) => void): () => void {
    this.eventListeners.add(l);
    return () => this.eventListeners.delete(l);
  }

  status(memberId: string): PublicStatus | undefined {
    return this.statuses.get(memberId);
  }

  /** When this page saw the member's status change to what it is now (undefined: not seen change). */
  changedAt(memberId: string): number | undefined {
    return this.changed.get(memberId);
  }

  /** Counts watchers per member, so rows that come and go share one watch list. */
  watch(memberIds: string[]): () => void {
    for (const id of memberIds) this.watchCounts.set(id, (this.watchCounts.get(id) ?? 0) + 1);
    this.connect();
    this.scheduleWatch();
    return () => {
      for (const id of memberIds) {
        const n = (this.watchCounts.get(id) ?? 1) - 1;
        if (n <= 0) this.watchCounts.delete(id);
        else this.watchCounts.set(id, n);
      }
      this.scheduleWatch();
    };
  }

  private scheduleWatch() {
    if (this.watchTimer) return;
    this.watchTimer = setTimeout(() => {
      this.watchTimer = null;
      this.sendWatch();
    }, 20);
  }

  private sendWatch() {
    if (!this.socket?.connected) return;
    this.socket.emit("watch", [...this.watchCounts.keys()], (statuses) => {
      for (const [id, s] of Object.entries(statuses)) this.statuses.set(id, s);
      this.notify();
    });
  }

  private notify() {
    for (const l of this.listeners) l();
  }

  private onActivity = () => {
    if (this.idle) {
      this.idle = false;
      this.socket?.emit("idle", false);
    }
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => {
      this.idle = true;
      this.socket?.emit("idle", true);
    }, this.opts.autoAwayMs);
  };

  private watchActivity() {
    for (const ev of ACTIVITY_EVENTS) window.addEventListener(ev, this.onActivity, { passive: true });
    this.onActivity();
  }
}
