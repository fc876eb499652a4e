import type { Server } from "socket.io";
import type { ClientToServer, ServerToClient } from "../../lib/presence/events";
import type { ConnectionRegistry } from "../../lib/presence/registry";
import type { PublicStatus } from "../../lib/presence/status";

type Io = Server<ClientToServer, ServerToClient, Record<string, never>, unknown>;

/**
 * Sends a member's new status to every socket on this node that watches them, each at the detail
 * it may see and only when that shows something new. Sockets that see the same status share one
 * broadcast, so the packet is encoded once per distinct status, not once per watcher.
 */
export function fanOut(io: Io, registry: ConnectionRegistry, memberId: string, status: PublicStatus): number {
  const groups = new Map<PublicStatus, string[]>();
  for (const sid of registry.watchersOf(memberId)) {
    const seen = registry.statusFor(sid, memberId, status);
    if (seen === null) continue;
    const list = groups.get(seen);
    if (list) list.push(sid);
    else groups.set(seen, [sid]);
  }
  let sent = 0;
  for (const [seen, sids] of groups) {
    io.to(sids).emit("presence", [{ memberId, status: seen }]);
    sent += sids.length;
  }
  return sent;
}
