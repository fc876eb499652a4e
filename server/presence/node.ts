import type { Server, Socket } from "socket.io";
import { z } from "zod";
import type { Db } from "../../lib/db/client";
import type { BusNode } from "../../lib/bus";
import type { ClientToServer, HandshakeAuth, MemberEvent, PresenceChange, ServerToClient } from "../../lib/presence/events";
import { fireAvailability } from "../../lib/contacts/availability-store";
import { defaultMailer } from "../../lib/mailbox/default-mailer";
import { env } from "../../lib/env";
import { getStatuses } from "../../lib/presence/read-model";
import { ConnectionRegistry, MAX_WATCHED } from "../../lib/presence/registry";
import { HEARTBEAT_MS, isSetting, publicStatus, type PublicStatus } from "../../lib/presence/status";
import { beat, clearNode, sweepExpired, writeChanges } from "../../lib/presence/store";
import { type TicketClaims, MemoryTicketClaims } from "../../lib/presence/ticket-claims";
import { guestKey, verifyTicket } from "../../lib/presence/tickets";
import { type Detail, detailFor, STRANGER, visibleStatus } from "../../lib/presence/visibility";
import { loadVisibility, relationsFrom, relationsTo } from "../../lib/presence/visibility-store";

type SocketData = { memberId: string | null; guestId: string | null };
type PSocket = Socket<ClientToServer, ServerToClient, Record<string, never>, SocketData>;

const FLUSH_MS = 250;
const SWEEP_MS = 60_000;
const watchSchema = z.array(z.string().min(1).max(64)).max(500);

/**
 * One presence node: authenticates connections with a ticket, keeps the
 * registry, writes it to the database in batches, announces presence changes on
 * the bus and delivers bus traffic to its own sockets.
 */
export class PresenceNode {
  readonly registry = new ConnectionRegistry();
  private timers: NodeJS.Timeout[] = [];
  private flushing: Promise<void> | null = null;

  constructor(
    private readonly io: Server<ClientToServer, ServerToClient, Record<string, never>, SocketData>,
    private readonly db: Db,
    private readonly bus: BusNode,
    private readonly opts: { nodeId: string; secret: string; log: (msg: string) => void; claims?: TicketClaims },
  ) {
    this.claims = opts.claims ?? new MemoryTicketClaims();
  }

  private readonly claims: TicketClaims;
  private readonly watchQueue = new Map<string, Promise<void>>();

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
    this.bus.onPresence((changes) => this.deliverPresence(changes));
    this.timers.push(setInterval(() => void this.flush(), FLUSH_MS));
    this.timers.push(setInterval(() => void this.heartbeat(), HEARTBEAT_MS));
    this.timers.push(setInterval(() => void sweepExpired(this.db, 5 * 60_000).catch(() => undefined), SWEEP_MS));
  }

  /** Graceful stop: close sockets, remove this node's rows, announce who went offline. */
  async stop(): Promise<void> {
    for (const t of this.timers) clearInterval(t);
    this.io.disconnectSockets(true);
    await this.flushing;
    await this.flush();
    await clearNode(this.db, this.opts.nodeId);
  }

  private async onConnection(socket: PSocket) {
    const auth = (socket.handshake.auth ?? {}) as HandshakeAuth;
    const { memberId, guestId } = socket.data;
    this.registry.add({
      id: socket.id,
      memberId,
      guestId,
      deviceId: typeof auth.deviceId === "string" ? auth.deviceId.slice(0, 64) : "unknown",
      address: socket.handshake.address,
      userAgent: String(socket.handshake.headers["user-agent"] ?? ""),
      connectedAt: new Date(),
      idle: false,
    });
    socket.on("watch", (ids, ack) => {
      const parsed = watchSchema.safeParse(ids);
      if (!parsed.success || typeof ack !== "function") return;
      // One watch at a time per socket: a guest's list is checked in the database first, and a
      // later list must not be overwritten by an earlier one that finished after it.
      const prev = this.watchQueue.get(socket.id) ?? Promise.resolve();
      const next = prev
        .then(() => this.watchFor(socket, parsed.data))
        .then(
          (statuses) => ack(statuses),
          () => ack({}),
        );
      this.watchQueue.set(socket.id, next);
      void next.finally(() => {
        if (this.watchQueue.get(socket.id) === next) this.watchQueue.delete(socket.id);
      });
    });
    socket.on("idle", (idle) => {
      if (typeof idle === "boolean") this.registry.setIdle(socket.id, idle);
    });
    socket.on("disconnect", () => {
      this.registry.remove(socket.id);
    });
    // Handlers are attached above, before any await: events a client sends right after connecting are not lost.
    // A guest's events (a mall call's progress) go to the key "guest:<id>", in the same member rooms.
    const eventKey = memberId ?? (guestId ? guestKey(guestId) : null);
    if (eventKey) {
      void socket.join(`member:${eventKey}`);
      // Catch-up: what was sent to this member while this device was away.
      try {
        const missed = await this.bus.since(eventKey, typeof auth.lastEventId === "string" ? auth.lastEventId : undefined);
        for (const e of missed) socket.emit("event", e);
      } catch (err) {
        this.opts.log(`catch-up failed for a connection: ${(err as Error).message}`);
      }
    }
  }

  /**
   * Starts watching and answers the current statuses, each as this watcher may see it: the members'
   * visibility rules (lib/presence/visibility.ts) decide, here at the server, and a member the
   * watcher may not see is answered offline and never watched, so no later change reaches the
   * socket. Unlisted members chose to stay out of the directory: to an anonymous socket (a guest)
   * they are as a member who does not exist.
   */
  private async watchFor(socket: PSocket, ids: string[]): Promise<Record<string, PublicStatus>> {
    const wanted = [...new Set(ids)].slice(0, MAX_WATCHED);
    const details = await this.detailsFor(socket.data.memberId ?? null, wanted);
    // Members the watcher may not see are watched too, at "none": nothing reaches the socket unless
    // their rules change to let it see them.
    const kept = this.registry.watch(socket.id, [...details.keys()], (id) => details.get(id) ?? "none");
    const statuses = await getStatuses(this.db, kept);
    const out: Record<string, PublicStatus> = Object.fromEntries(ids.map((id) => [id, "offline" as PublicStatus]));
    for (const id of kept) {
      out[id] = visibleStatus(statuses[id] ?? "offline", details.get(id) ?? "none");
      this.registry.answered(socket.id, id, out[id]);
    }
    return out;
  }

  /** What one watcher (null: a guest) may see of each member: the rules, decided here at the server. */
  private async detailsFor(watcherId: string | null, memberIds: string[]): Promise<Map<string, Detail | "none">> {
    const [settings, relations, listed] = await Promise.all([
      loadVisibility(this.db, memberIds),
      relationsTo(this.db, memberIds, watcherId),
      watcherId ? null : this.db.member.findMany({ where: { id: { in: memberIds }, listed: true }, select: { id: true } }),
    ]);
    const listedIds = listed ? new Set(listed.map((m) => m.id)) : null;
    const out = new Map<string, Detail | "none">();
    for (const id of memberIds) {
      const s = settings.get(id);
      if (!s) continue;
      out.set(id, listedIds && !listedIds.has(id) ? "none" : detailFor(s, relations.get(id) ?? STRANGER));
    }
    return out;
  }

  /** A member's rules changed: each watching socket here gets its new detail, and the status it now may see. */
  private async redecide(c: PresenceChange): Promise<void> {
    const byWatcher = new Map<string | null, string[]>();
    for (const sid of this.registry.watchersOf(c.memberId)) {
      const w = this.registry.get(sid)?.memberId ?? null;
      byWatcher.set(w, [...(byWatcher.get(w) ?? []), sid]);
    }
    if (!byWatcher.size) return;
    // All of this member's watchers on this node in one set of queries, however many there are.
    const [settings, relations, owner] = await Promise.all([
      loadVisibility(this.db, [c.memberId]),
      relationsFrom(this.db, c.memberId, [...byWatcher.keys()]),
      this.db.member.findUnique({ where: { id: c.memberId }, select: { listed: true } }),
    ]);
    const s = settings.get(c.memberId);
    for (const [watcherId, sids] of byWatcher) {
      // As at watch time: to a guest, an unlisted member is as one who does not exist.
      const detail = !s || (!watcherId && !owner?.listed) ? "none" : detailFor(s, relations.get(watcherId) ?? STRANGER);
      for (const sid of sids) {
        this.registry.setDetail(sid, c.memberId, detail);
        const status = this.registry.statusFor(sid, c.memberId, c.status);
        if (status !== null) this.io.to(sid).emit("presence", [{ memberId: c.memberId, status }]);
      }
    }
  }

  /** Writes what changed, then tells everyone watching the members whose status may have changed. */
  flush(): Promise<void> {
    if (this.flushing) return this.flushing;
    this.flushing = (async () => {
      const changes = this.registry.takeChanges();
      if (!changes.upserts.length && !changes.deletes.length && !changes.members.length) return;
      try {
        await writeChanges(this.db, this.opts.nodeId, changes);
      } catch (err) {
        this.registry.restoreChanges(changes);
        this.opts.log(`presence write failed, will retry: ${(err as Error).message}`);
        return;
      }
      if (changes.members.length) await this.announce(changes.members);
    })().finally(() => {
      this.flushing = null;
    });
    return this.flushing;
  }

  /** Reads the members' settings and all their live rows (any node's), and publishes the result. */
  async announce(memberIds: string[]): Promise<void> {
    const statuses = await getStatuses(this.db, memberIds);
    const changes = Object.entries(statuses).map(([memberId, status]) => ({ memberId, status }));
    await this.bus.presenceChanged(changes);
    // Members who came online: whoever asked to be told when they are available hears now.
    await fireAvailability({ db: this.db, bus: this.bus, mailer: defaultMailer(), publicUrl: env().PUBLIC_URL }, changes).catch(
      (err: Error) => this.opts.log(`telling who waited for a member failed: ${err.message}`),
    );
    for (const memberId of memberIds) await this.sendSelf(memberId);
  }

  /** A member's own devices learn their setting and public status (including "invisible"). */
  async sendSelf(memberId: string): Promise<void> {
    const m = await this.db.member.findUnique({ where: { id: memberId }, select: { presenceSetting: true } });
    if (!m) return;
    const conns = this.registry.connectionsOf(memberId);
    if (!conns.length) return;
    const allIdle = conns.every((id) => this.registry.get(id)?.idle);
    const setting = isSetting(m.presenceSetting) ? m.presenceSetting : "online";
    const status = publicStatus({ setting, liveConnections: conns.length, allIdle });
    this.io.to(`member:${memberId}`).emit("self", { setting, status });
  }

  private deliverEvent(e: MemberEvent) {
    this.io.to(`member:${e.memberId}`).emit("event", e);
    if (e.type === "presence-setting") void this.sendSelf(e.memberId);
  }

  private deliverPresence(changes: PresenceChange[]) {
    // Group by watching socket, so each gets one message per batch.
    const perSocket = new Map<string, PresenceChange[]>();
    for (const c of changes) {
      if (c.rules) {
        this.redecide(c).catch((err: Error) => this.opts.log(`re-deciding who sees a member failed: ${err.message}`));
        continue;
      }
      for (const sid of this.registry.watchersOf(c.memberId)) {
        // Each watcher at the detail it may see; nothing when that shows nothing new.
        const status = this.registry.statusFor(sid, c.memberId, c.status);
        if (status === null) continue;
        const list = perSocket.get(sid) ?? [];
        list.push({ memberId: c.memberId, status });
        perSocket.set(sid, list);
      }
    }
    for (const [sid, list] of perSocket) this.io.to(sid).emit("presence", list);
  }

  private async heartbeat() {
    try {
      await beat(this.db, this.opts.nodeId);
    } catch (err) {
      this.opts.log(`heartbeat failed: ${(err as Error).message}`);
    }
  }
}
