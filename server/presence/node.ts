import type { Server, Socket } from "socket.io";
import { z } from "zod";
import type { Db } from "../../lib/db/client";
import type { BusNode } from "../../lib/bus";
import type { ClientToServer, HandshakeAuth, MemberEvent, PresenceNotice, ServerToClient } from "../../lib/presence/events";
import { env } from "../../lib/env";
import { defaultMailer } from "../../lib/mailbox/default-mailer";
import { ConnectionRegistry, MAX_WATCHED } from "../../lib/presence/registry";
import { AskedAbout } from "./asked-about";
import { HEARTBEAT_MS, type PublicStatus } from "../../lib/presence/status";
import { isChange, StatusTable, type TableResult } from "../../lib/presence/status-table";
import { beat, clearNode, sweepExpired, writeChanges } from "../../lib/presence/store";
import { type TicketClaims, MemoryTicketClaims } from "../../lib/presence/ticket-claims";
import { guestKey, verifyTicket } from "../../lib/presence/tickets";
import { ClusterLink } from "./cluster";
import { Digests } from "./digests";
import { FactsLoader } from "./facts";
import { FanOut } from "./fanout";
import { handleSocketSend } from "./message-sends";
import { Watches } from "./watches";

type SocketData = { memberId: string | null; guestId: string | null };
type PSocket = Socket<ClientToServer, ServerToClient, Record<string, never>, SocketData>;

const FLUSH_MS = 250;
const SWEEP_MS = 60_000;
// A page watches everyone it shows (at most MAX_WATCHED are kept): a group's page of 500 members and more.
const watchSchema = z.array(z.string().min(1).max(64)).max(MAX_WATCHED);

/**
 * One presence node: authenticates connections with a ticket, computes every watched member's
 * status in memory (its own connections, the other nodes' as shared on the bus, and the members'
 * cached facts), sends each change at once to the watchers allowed to see it, and writes its
 * connections to the database behind that, for route handlers.
 */
export class PresenceNode {
  readonly registry = new ConnectionRegistry();
  private readonly table = new StatusTable();
  private readonly askedAbout: AskedAbout;
  private readonly digests: Digests;
  private readonly claims: TicketClaims;
  private readonly facts: FactsLoader;
  private readonly cluster: ClusterLink;
  private readonly watches: Watches;
  private readonly fanOut: FanOut;
  private readonly watchQueue = new Map<string, Promise<void>>();
  private timers: NodeJS.Timeout[] = [];
  private flushing: Promise<void> | null = null;

  constructor(
    private readonly io: Server<ClientToServer, ServerToClient, Record<string, never>, SocketData>,
    private readonly db: Db,
    private readonly bus: BusNode,
    private readonly opts: {
      nodeId: string;
      secret: string;
      log: (msg: string) => void;
      claims?: TicketClaims;
      /** How long each database write took, start to end (on SQLite the event loop is blocked for most of it). */
      timed?: (what: string, ms: number) => void;
    },
  ) {
    this.claims = opts.claims ?? new MemoryTicketClaims();
    this.askedAbout = new AskedAbout({ db, bus, mailer: defaultMailer(), publicUrl: env().PUBLIC_URL }, opts.log);
    this.digests = new Digests(
      { db, mailer: defaultMailer(), secret: env().AUTH_SECRET, publicUrl: env().PUBLIC_URL },
      env().MESSAGE_DIGEST_AFTER_SECONDS * 1000,
      opts.log,
    );
    this.facts = new FactsLoader(db, this.table, (r) => this.onResult(r), opts.log);
    const allCounts = () => Object.fromEntries(this.registry.members().map((m) => [m, this.registry.countsOf(m)]));
    this.cluster = new ClusterLink(bus, opts.nodeId, this.table, allCounts, (rs) => rs.forEach((r) => this.onResult(r)), opts.log);
    this.fanOut = new FanOut(io, this.registry);
    this.watches = new Watches(
      db,
      this.registry,
      (ids) => this.statusesOf(ids),
      (sid, m, s) => this.fanOut.sendTo(sid, m, s),
    );
  }

  async start(): Promise<void> {
    const cleared = await clearNode(this.db, this.opts.nodeId);
    if (cleared) this.opts.log(`cleared ${cleared} connection rows left by this node's previous run`);
    this.io.use(async (socket, next) => {
      const auth = (socket.handshake.auth ?? {}) as HandshakeAuth;
      const check = await verifyTicket(this.opts.secret, auth.ticket);
      if (!check.ok) return next(new Error(check.reason));
      let first: boolean;
      try {
        first = await this.claims.claim(check.jti, check.expiresAt);
      } catch (err) {
        this.opts.log(`ticket check failed: ${(err as Error).message}`);
        return next(new Error("ticket check unavailable: try again"));
      }
      if (!first) return next(new Error("used ticket: ask /api/presence/ticket for a new one"));
      socket.data.memberId = check.subject.kind === "member" ? check.subject.memberId : null;
      socket.data.guestId = check.subject.kind === "guest" ? check.subject.guestId : null;
      next();
    });
    this.io.on("connection", (socket) => void this.onConnection(socket));
    this.bus.onMemberEvent((e) => this.deliverEvent(e));
    this.bus.onPresence((notices) => this.onNotices(notices));
    await this.cluster.start();
    await this.askedAbout.start();
    this.digests.start();
    this.timers.push(setInterval(() => void this.flush(), FLUSH_MS));
    this.timers.push(setInterval(() => void this.heartbeat(), HEARTBEAT_MS));
    this.timers.push(setInterval(() => this.sweep(), SWEEP_MS));
  }

  /** Graceful stop: close sockets, tell the other nodes, remove this node's rows. */
  async stop(): Promise<void> {
    for (const t of this.timers) clearInterval(t);
    this.askedAbout.stop();
    this.digests.stop();
    this.io.disconnectSockets(true);
    await this.cluster.stop();
    await this.flushing;
    await this.flush();
    await clearNode(this.db, this.opts.nodeId);
  }

  /**
   * Where a member's effective status changes, as this node computes it (for members connected or
   * watched here; others' facts are not kept). Every change passes here once per node, before and
   * after: the place to hang what reacts to it (such as "tell me when available" notices).
   */
  private onStatusChange(memberId: string, _before: PublicStatus, after: PublicStatus): void {
    this.fanOut.send(memberId, after);
    this.sendSelf(memberId);
    this.askedAbout.changed(memberId, after);
  }

  private onResult(r: TableResult): void {
    if (r === null) return;
    if (isChange(r)) return this.onStatusChange(r.memberId, r.before, r.after);
    // Facts are read only for members someone here needs; others' statuses stay unknown until then.
    if (this.registry.isWatched(r.memberId) || this.registry.countsOf(r.memberId)[0] > 0) void this.facts.ensure([r.memberId]);
  }

  /** The member's connections on this node changed: recompute here, share with the other nodes. */
  private connectionsChanged(memberId: string) {
    const counts = this.registry.countsOf(memberId);
    this.onResult(this.table.setCounts(this.opts.nodeId, memberId, counts));
    this.cluster.share(memberId, counts);
  }

  private async statusesOf(memberIds: string[]): Promise<Map<string, PublicStatus>> {
    await this.facts.ensure(memberIds.filter((id) => this.table.status(id) === null));
    return new Map(memberIds.map((id) => [id, this.table.status(id) ?? "offline"]));
  }

  private async onConnection(socket: PSocket) {
    const auth = (socket.handshake.auth ?? {}) as HandshakeAuth;
    const { memberId, guestId } = socket.data;
    const deviceId = typeof auth.deviceId === "string" ? auth.deviceId.slice(0, 64) : "unknown";
    this.registry.add({
      id: socket.id,
      memberId,
      guestId,
      deviceId,
      address: socket.handshake.address,
      userAgent: String(socket.handshake.headers["user-agent"] ?? ""),
      connectedAt: new Date(),
      idle: false,
    });
    if (memberId) this.connectionsChanged(memberId);
    socket.on("watch", (ids, ack) => {
      const parsed = watchSchema.safeParse(ids);
      if (!parsed.success || typeof ack !== "function") return;
      // One watch at a time per socket: a later list must not be overwritten by an earlier one that finished after it.
      const prev = this.watchQueue.get(socket.id) ?? Promise.resolve();
      const next = prev
        .then(() => this.watches.watchFor(socket.id, socket.data.memberId ?? null, parsed.data))
        .then(
          (statuses) => {
            this.fanOut.flushFor(socket.id);
            ack(statuses);
          },
          () => ack({}),
        );
      this.watchQueue.set(socket.id, next);
      void next.finally(() => {
        if (this.watchQueue.get(socket.id) === next) this.watchQueue.delete(socket.id);
      });
    });
    socket.on("send", (m, ack) => handleSocketSend({ db: this.db, bus: this.bus }, memberId, m, ack, this.opts.log));
    socket.on("idle", (idle) => {
      if (typeof idle !== "boolean") return;
      this.registry.setIdle(socket.id, idle);
      if (memberId) this.connectionsChanged(memberId);
    });
    socket.on("disconnect", () => {
      this.registry.remove(socket.id);
      if (memberId) this.connectionsChanged(memberId);
    });
    // Handlers are attached above, before any await: events a client sends right after connecting are not lost.
    // A guest's events (a mall call's progress) go to the key "guest:<id>", in the same member rooms.
    const eventKey = memberId ?? (guestId ? guestKey(guestId) : null);
    if (!eventKey) return;
    void socket.join(`member:${eventKey}`);
    if (memberId) void socket.join(deviceRoom(memberId, deviceId));
    // The new device's own status; later changes reach it with the member's other devices.
    if (memberId) void this.statusesOf([memberId]).then(() => this.sendSelf(memberId, socket.id));
    // Catch-up: what was sent to this member while this device was away.
    try {
      const missed = await this.bus.since(eventKey, typeof auth.lastEventId === "string" ? auth.lastEventId : undefined);
      for (const e of missed) if (forDevice(e, deviceId)) socket.emit("event", e);
    } catch (err) {
      this.opts.log(`catch-up failed for a connection: ${(err as Error).message}`);
    }
  }

  /** A member's own devices learn their setting and public status (including "invisible"). */
  private sendSelf(memberId: string, socketId?: string): void {
    const setting = this.table.setting(memberId);
    const status = this.table.status(memberId);
    if (setting === undefined || status === null || !this.registry.countsOf(memberId)[0]) return;
    this.io.to(socketId ?? `member:${memberId}`).emit("self", { setting, status });
  }

  private deliverEvent(e: MemberEvent) {
    // A ring for one device (rules ringing devices in turn) reaches that device's connections alone.
    const device = e.type === "call-ring" ? e.data.device : undefined;
    this.io.to(device ? deviceRoom(e.memberId, device) : `member:${e.memberId}`).emit("event", e);
    if (e.type === "asks") this.askedAbout.add(e.data.memberId);
    if (e.type !== "presence-setting") return;
    this.onResult(this.table.setSetting(e.memberId, e.data.setting));
    this.sendSelf(e.memberId);
  }

  /** What route handlers announced: facts to update, or rules to decide again. */
  private onNotices(notices: PresenceNotice[]) {
    for (const n of notices) {
      if (n.setting) this.onResult(this.table.setSetting(n.memberId, n.setting));
      if (n.inCall !== undefined) this.onResult(this.table.setInCall(n.memberId, n.inCall));
      // The member's own devices show their status too ("In a call" in the header while they talk).
      if (n.setting || n.inCall !== undefined) this.sendSelf(n.memberId);
      if (n.rules) {
        this.watches.redecide(n.memberId).catch((err: Error) => this.opts.log(`re-deciding who sees a member failed: ${err.message}`));
      } else if (!n.setting && n.inCall === undefined) {
        // A change the notice does not describe (a call ended): the database says what it was.
        if (this.table.hasFacts(n.memberId))
          void this.facts.reload([n.memberId]).then(
            () => this.sendSelf(n.memberId),
            () => undefined,
          );
      }
    }
  }

  /** Writes this node's connections to the database for route handlers; statuses never wait for it. */
  flush(): Promise<void> {
    if (this.flushing) return this.flushing;
    this.flushing = (async () => {
      const changes = this.registry.takeChanges();
      if (!changes.upserts.length && !changes.deletes.length && !changes.idle.length) return;
      try {
        const t = performance.now();
        await writeChanges(this.db, this.opts.nodeId, changes);
        this.opts.timed?.("flush", performance.now() - t);
        this.registry.written(changes);
      } catch (err) {
        this.registry.restoreChanges(changes);
        this.opts.log(`presence write failed, will retry: ${(err as Error).message}`);
      }
    })().finally(() => {
      this.flushing = null;
    });
    return this.flushing;
  }

  private async heartbeat() {
    try {
      const t = performance.now();
      await beat(this.db, this.opts.nodeId);
      this.opts.timed?.("heartbeat", performance.now() - t);
    } catch (err) {
      this.opts.log(`heartbeat failed: ${(err as Error).message}`);
    }
  }

  private sweep() {
    void sweepExpired(this.db, 5 * 60_000).catch(() => undefined);
    this.table.pruneFacts((m) => this.registry.isWatched(m));
    void this.facts.refreshCached();
  }
}

const deviceRoom = (memberId: string, deviceId: string) => `device:${memberId}:${deviceId}`;

/** Whether a caught-up event is for this device (a ring for another of the member's devices is not). */
const forDevice = (e: MemberEvent, deviceId: string) => e.type !== "call-ring" || !e.data.device || e.data.device === deviceId;
