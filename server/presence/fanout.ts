import type { Server } from "socket.io";
import type { ClientToServer, PresenceChange, ServerToClient } from "../../lib/presence/events";
import type { ConnectionRegistry } from "../../lib/presence/registry";
import type { PublicStatus } from "../../lib/presence/status";

type Io = Server<ClientToServer, ServerToClient, Record<string, never>, unknown>;

/**
 * Gap kept between two sends under load. At rest a change goes out at the end of the turn that
 * computed it; when changes keep coming, a watcher gets one frame per gap with all of them instead
 * of a frame per turn. Frames, not changes, are what cost the node and every watching browser: at
 * 1,000 changes a second a frame per turn is up to 1,000 frames a second per watcher, which
 * saturates both ends and makes the tail long (bench/presence.ts); a frame per 10 ms caps it at 100
 * and adds at most 10 ms.
 */
export const FANOUT_GAP_MS = 10;

/**
 * Sends members' new statuses to every socket on this node that watches them, each at the detail it
 * may see and only when that shows something new. Sockets due the same list share one broadcast,
 * so it is encoded once.
 */
export class FanOut {
  private pending = new Map<string, PresenceChange[]>();
  private scheduled = false;
  private lastFlush = 0;

  constructor(
    private readonly io: Io,
    private readonly registry: ConnectionRegistry,
  ) {}

  /** The member's status changed: every watcher here, at its detail. */
  send(memberId: string, status: PublicStatus): void {
    for (const sid of this.registry.watchersOf(memberId)) {
      const seen = this.registry.statusFor(sid, memberId, status);
      if (seen !== null) this.sendTo(sid, memberId, seen);
    }
  }

  /**
   * One watcher, a status already decided for it (after a change of rules). Queued behind what the
   * socket is due, never ahead of it: a status decided at the old detail must not arrive last.
   */
  sendTo(sid: string, memberId: string, seen: PublicStatus): void {
    const list = this.pending.get(sid);
    if (list) list.push({ memberId, status: seen });
    else this.pending.set(sid, [{ memberId, status: seen }]);
    if (this.scheduled) return;
    this.scheduled = true;
    const wait = this.lastFlush + FANOUT_GAP_MS - performance.now();
    if (wait > 0) setTimeout(() => this.flush(), wait);
    else setImmediate(() => this.flush());
  }

  /**
   * Sends what one socket is due now, ahead of the shared frame: called before an answer that goes
   * to it directly (a watch's statuses), which must not overtake older changes still waiting here.
   */
  flushFor(sid: string): void {
    const list = this.pending.get(sid);
    if (!list) return;
    this.pending.delete(sid);
    this.io.to(sid).emit("presence", list);
  }

  private flush() {
    this.scheduled = false;
    this.lastFlush = performance.now();
    const groups = new Map<string, { list: PresenceChange[]; sids: string[] }>();
    for (const [sid, list] of this.pending) {
      const key = list.map((c) => `${c.memberId}:${c.status}`).join(",");
      const group = groups.get(key);
      if (group) group.sids.push(sid);
      else groups.set(key, { list, sids: [sid] });
    }
    this.pending.clear();
    for (const { list, sids } of groups.values()) this.io.to(sids).emit("presence", list);
  }
}
