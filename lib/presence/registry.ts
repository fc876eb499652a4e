/**
 * One presence node's view of its own connections: who holds which, which are
 * idle, who watches whom, and what still has to be written to the database.
 * Pure and synchronous, so the server's socket handlers stay thin and this is
 * unit-tested alone.
 */
import type { PublicStatus } from "./status";
import { type Detail, visibleStatus } from "./visibility";

export type Connection = {
  id: string;
  memberId: string | null;
  guestId: string | null;
  deviceId: string;
  address: string;
  userAgent: string;
  connectedAt: Date;
  idle: boolean;
};

/** Members one connection may watch: a group's page of 500 with the contact panel and more beside it. */
export const MAX_WATCHED = 2000;

/** What a node still has to write: rows to (re)write, rows to delete, idle flags of stored rows. */
export type Changes = { upserts: Connection[]; deletes: string[]; idle: { id: string; idle: boolean }[]; members: string[] };

type WatchState = { detail: Detail | "none"; last: PublicStatus | null };

export class ConnectionRegistry {
  private conns = new Map<string, Connection>();
  private byMember = new Map<string, Set<string>>();
  private watching = new Map<string, Map<string, WatchState>>(); // connection -> member -> what it may see, and was last sent
  private watchers = new Map<string, Set<string>>(); // member -> connections
  private pendingUpserts = new Map<string, Connection>();
  private pendingDeletes = new Set<string>();
  /** Rows already in the database, and rows being written now: a close must delete them. */
  private stored = new Set<string>();
  private inFlight = new Set<string>();
  /** A stored row whose only change is idle: an update, not a rewrite of the row. */
  private pendingIdle = new Map<string, boolean>();
  private changedMembers = new Set<string>();

  get size(): number {
    return this.conns.size;
  }

  add(c: Connection): void {
    this.conns.set(c.id, c);
    if (c.memberId) {
      const set = this.byMember.get(c.memberId) ?? new Set();
      set.add(c.id);
      this.byMember.set(c.memberId, set);
      this.changedMembers.add(c.memberId);
    }
    this.pendingDeletes.delete(c.id);
    this.pendingUpserts.set(c.id, c);
  }

  remove(id: string): Connection | undefined {
    const c = this.conns.get(id);
    if (!c) return undefined;
    this.conns.delete(id);
    this.unwatchAll(id);
    if (c.memberId) {
      const set = this.byMember.get(c.memberId);
      set?.delete(id);
      if (set && set.size === 0) this.byMember.delete(c.memberId);
      this.changedMembers.add(c.memberId);
    }
    // Never written, nor being written? Then there is nothing to delete either.
    this.pendingUpserts.delete(id);
    this.pendingIdle.delete(id);
    if (this.stored.delete(id) || this.inFlight.has(id)) this.pendingDeletes.add(id);
    return c;
  }

  get(id: string): Connection | undefined {
    return this.conns.get(id);
  }

  setIdle(id: string, idle: boolean): void {
    const c = this.conns.get(id);
    if (!c || c.idle === idle) return;
    c.idle = idle;
    if (this.stored.has(id) && !this.pendingUpserts.has(id)) this.pendingIdle.set(id, idle);
    else this.pendingUpserts.set(id, c);
    if (c.memberId) this.changedMembers.add(c.memberId);
  }

  /** How many connections the member holds on this node, and how many of them are idle. */
  countsOf(memberId: string): [live: number, idle: number] {
    let live = 0;
    let idle = 0;
    for (const id of this.byMember.get(memberId) ?? []) {
      live++;
      if (this.conns.get(id)?.idle) idle++;
    }
    return [live, idle];
  }

  /** Every member with a connection here. */
  members(): string[] {
    return [...this.byMember.keys()];
  }

  isWatched(memberId: string): boolean {
    return this.watchers.has(memberId);
  }

  connectionsOf(memberId: string): string[] {
    return [...(this.byMember.get(memberId) ?? [])];
  }

  /**
   * Replaces what a connection watches, each member at the detail the watcher may see (visibility
   * rules, decided by the caller); returns the members kept (at most MAX_WATCHED).
   */
  watch(connId: string, memberIds: string[], detailOf: (memberId: string) => Detail | "none" = () => "full"): string[] {
    if (!this.conns.has(connId)) return [];
    this.unwatchAll(connId);
    const kept = [...new Set(memberIds)].slice(0, MAX_WATCHED);
    this.watching.set(connId, new Map(kept.map((m) => [m, { detail: detailOf(m), last: null }])));
    for (const m of kept) {
      const set = this.watchers.get(m) ?? new Set();
      set.add(connId);
      this.watchers.set(m, set);
    }
    return kept;
  }

  /**
   * What to send a watching connection when the member's status changes: the status at its detail,
   * or null when that shows nothing new (a basic watcher is not told "online" again when the member
   * goes away: even an empty event would say something changed).
   */
  statusFor(connId: string, memberId: string, status: PublicStatus): PublicStatus | null {
    const w = this.watching.get(connId)?.get(memberId);
    if (!w) return null;
    const seen = visibleStatus(status, w.detail);
    if (seen === w.last) return null;
    w.last = seen;
    return seen;
  }

  /** The member's rules changed: what this connection may see of them from now on. */
  setDetail(connId: string, memberId: string, detail: Detail | "none"): void {
    const w = this.watching.get(connId)?.get(memberId);
    if (w) w.detail = detail;
  }

  /** Records what a watch's answer told the connection, so later changes are measured from it. */
  answered(connId: string, memberId: string, status: PublicStatus): void {
    const w = this.watching.get(connId)?.get(memberId);
    if (w) w.last = status;
  }

  watchersOf(memberId: string): string[] {
    return [...(this.watchers.get(memberId) ?? [])];
  }

  /** Members someone on this node watches (to limit what a node listens for). */
  watchedMembers(): string[] {
    return [...this.watchers.keys()];
  }

  /** What changed since the last call: rows to write, rows to delete, members to re-announce. */
  takeChanges(): Changes {
    const out = {
      upserts: [...this.pendingUpserts.values()],
      deletes: [...this.pendingDeletes],
      idle: [...this.pendingIdle].map(([id, idle]) => ({ id, idle })),
      members: [...this.changedMembers],
    };
    for (const c of out.upserts) this.inFlight.add(c.id);
    this.pendingUpserts.clear();
    this.pendingDeletes.clear();
    this.pendingIdle.clear();
    this.changedMembers.clear();
    return out;
  }

  /** The changes are in the database: their rows are stored (unless closed meanwhile, which queued their delete). */
  written(ch: Changes): void {
    for (const c of ch.upserts) {
      this.inFlight.delete(c.id);
      if (this.conns.has(c.id)) this.stored.add(c.id);
    }
  }

  /** Puts changes back after a failed write, so the next flush retries them. */
  restoreChanges(ch: Changes): void {
    for (const c of ch.upserts) {
      this.inFlight.delete(c.id);
      if (this.conns.has(c.id) && !this.pendingUpserts.has(c.id)) this.pendingUpserts.set(c.id, c);
    }
    for (const { id } of ch.idle) {
      const c = this.conns.get(id);
      if (c && !this.pendingUpserts.has(id) && !this.pendingIdle.has(id)) this.pendingIdle.set(id, c.idle);
    }
    for (const d of ch.deletes) if (!this.conns.has(d)) this.pendingDeletes.add(d);
    for (const m of ch.members) this.changedMembers.add(m);
  }

  private unwatchAll(connId: string) {
    for (const m of this.watching.get(connId)?.keys() ?? []) {
      const set = this.watchers.get(m);
      set?.delete(connId);
      if (set && set.size === 0) this.watchers.delete(m);
    }
    this.watching.delete(connId);
  }
}
