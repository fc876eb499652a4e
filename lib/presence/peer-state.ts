/**
 * How presence nodes share their members' connections over the bus, so every node computes every
 * status in memory. Each node publishes the counts that changed, numbered (`seq`) within its run
 * (`epoch`); the bus also keeps each node's full state, expiring when the node stops refreshing it,
 * for a node that starts or missed a message. Pure: `PeerTracker` applies messages to a
 * StatusTable in order and says what to read again.
 */
import { EXPIRY_MS } from "./status";
import type { Counts, StatusTable, TableResult } from "./status-table";

/** Member id -> [live, idle] on the sending node ([0, 0]: none left there). */
export type CountsByMember = Record<string, [number, number]>;

export type NodeStateMessage = {
  node: string;
  epoch: string;
  seq: number;
  /** Counts that changed; empty in a heartbeat. */
  members: CountsByMember;
  /** `members` is the node's whole state (it started, or a publish failed and it says it all again). */
  reset?: boolean;
  /** The node is stopping: forget it. */
  gone?: boolean;
};

/** A node's whole state as the bus keeps it. */
export type NodeSnapshot = { node: string; epoch: string; seq: number; members: CountsByMember };

type Peer = { epoch: string; seq: number; heardAt: number; syncing: boolean; buffer: NodeStateMessage[] };

export type PeerOutcome = { results: TableResult[]; resync: string[] };

const asMap = (m: CountsByMember) => new Map<string, Counts>(Object.entries(m));

export class PeerTracker {
  private peers = new Map<string, Peer>();

  constructor(
    private readonly self: string,
    private readonly table: StatusTable,
    private readonly expiryMs = EXPIRY_MS,
  ) {}

  /** A message from the bus. Out of order or after a gap, the sender's state is read again (`resync`). */
  receive(msg: NodeStateMessage, now: number): PeerOutcome {
    const out: PeerOutcome = { results: [], resync: [] };
    if (msg.node === this.self) return out;
    if (msg.gone) {
      this.peers.delete(msg.node);
      out.results.push(...this.table.dropNode(msg.node));
      return out;
    }
    let peer = this.peers.get(msg.node);
    if (!peer || peer.epoch !== msg.epoch) {
      // A node we did not know, or the same node started again: what it held before is void.
      if (peer) out.results.push(...this.table.dropNode(msg.node));
      peer = { epoch: msg.epoch, seq: -1, heardAt: now, syncing: false, buffer: [] };
      this.peers.set(msg.node, peer);
      if (msg.reset) return this.applyReset(peer, msg, out);
      peer.syncing = true;
      peer.buffer.push(msg);
      out.resync.push(msg.node);
      return out;
    }
    peer.heardAt = now;
    if (peer.syncing) {
      peer.buffer.push(msg);
      return out;
    }
    return this.apply(peer, msg, out);
  }

  /** The sender's state as read from the bus (null: it is gone), then what arrived meanwhile. */
  synced(node: string, snap: NodeSnapshot | null, now: number): PeerOutcome {
    const out: PeerOutcome = { results: [], resync: [] };
    if (node === this.self) return out;
    const peer = this.peers.get(node);
    if (!snap) {
      if (peer && !peer.buffer.some((m) => m.reset)) {
        this.peers.delete(node);
        out.results.push(...this.table.dropNode(node));
      }
      return out;
    }
    const buffered = (peer?.buffer ?? []).filter((m) => m.epoch === snap.epoch && m.seq > snap.seq).sort((a, b) => a.seq - b.seq);
    const fresh: Peer = { epoch: snap.epoch, seq: snap.seq, heardAt: peer?.heardAt ?? now, syncing: false, buffer: [] };
    this.peers.set(node, fresh);
    out.results.push(...this.table.replaceNode(node, asMap(snap.members)));
    for (const m of buffered) {
      if (fresh.syncing) fresh.buffer.push(m);
      else this.apply(fresh, m, out);
    }
    return out;
  }

  /** Nodes silent past the expiry (a crash): their members' connections there count for nothing. */
  expire(now: number): TableResult[] {
    const results: TableResult[] = [];
    for (const [node, peer] of this.peers) {
      if (now - peer.heardAt <= this.expiryMs) continue;
      this.peers.delete(node);
      results.push(...this.table.dropNode(node));
    }
    return results;
  }

  knows(node: string): boolean {
    return this.peers.has(node);
  }

  private apply(peer: Peer, msg: NodeStateMessage, out: PeerOutcome): PeerOutcome {
    if (msg.reset) return this.applyReset(peer, msg, out);
    if (msg.seq <= peer.seq) return out; // already applied (it came with a snapshot)
    if (msg.seq !== peer.seq + 1) {
      peer.syncing = true;
      peer.buffer.push(msg);
      out.resync.push(msg.node);
      return out;
    }
    peer.seq = msg.seq;
    for (const [m, c] of Object.entries(msg.members)) out.results.push(this.table.setCounts(msg.node, m, c));
    return out;
  }

  private applyReset(peer: Peer, msg: NodeStateMessage, out: PeerOutcome): PeerOutcome {
    peer.seq = msg.seq;
    peer.syncing = false;
    peer.buffer = [];
    out.results.push(...this.table.replaceNode(msg.node, asMap(msg.members)));
    return out;
  }
}
