import { randomBytes } from "node:crypto";
import type { BusNode } from "../../lib/bus";
import { type CountsByMember, type NodeStateMessage, PeerTracker } from "../../lib/presence/peer-state";
import { env } from "../../lib/env";
import type { StatusTable, TableResult } from "../../lib/presence/status-table";

/**
 * How often a node tells the others it is alive (PRESENCE_HEARTBEAT_MS, 15 s), how long the others
 * keep what it said after its last word (three heartbeats), and how often they check.
 */
function timing() {
  const heartbeatMs = env().PRESENCE_HEARTBEAT_MS;
  return { heartbeatMs, expiryMs: 3 * heartbeatMs, checkMs: Math.min(5_000, heartbeatMs) };
}

/**
 * This node's side of sharing connection counts over the bus (lib/presence/peer-state.ts): what
 * changed here goes out at the end of the event loop's turn, in one message; what other nodes share
 * comes into the status table. A node that stops refreshing (every heartbeat) is dropped after three
 * missed ones, so a crashed node's members go offline everywhere within a minute. With the embedded
 * bus there are no other nodes and nothing goes out.
 */
export class ClusterLink {
  private readonly epoch = `${Date.now().toString(36)}-${randomBytes(3).toString("hex")}`;
  private seq = 0;
  private pending = new Map<string, [number, number]>();
  private scheduled = false;
  // The first message says everything this node holds; so does the next after a failed publish.
  private resetNeeded = true;
  private timers: NodeJS.Timeout[] = [];
  private stopped = false;
  private readonly tracker: PeerTracker;
  private readonly timing = timing();

  constructor(
    private readonly bus: BusNode,
    private readonly nodeId: string,
    table: StatusTable,
    private readonly allCounts: () => CountsByMember,
    private readonly onResults: (results: TableResult[]) => void,
    private readonly log: (msg: string) => void,
  ) {
    this.tracker = new PeerTracker(nodeId, table, this.timing.expiryMs);
  }

  async start(): Promise<void> {
    this.bus.onConnections((msg) => this.receive(msg));
    this.flush();
    for (const snap of await this.bus.readAllConnections()) {
      const { results, resync } = this.tracker.synced(snap.node, snap, Date.now());
      this.onResults(results);
      for (const node of resync) this.resync(node);
    }
    this.timers.push(setInterval(() => this.flush(), this.timing.heartbeatMs));
    this.timers.push(setInterval(() => this.onResults(this.tracker.expire(Date.now())), this.timing.checkMs));
  }

  /** Tells the other nodes this node is going: they forget its connections at once. */
  async stop(): Promise<void> {
    this.stopped = true;
    for (const t of this.timers) clearInterval(t);
    this.flush();
    const msg: NodeStateMessage = { node: this.nodeId, epoch: this.epoch, seq: ++this.seq, members: {}, gone: true };
    await this.bus.shareConnections(msg, this.timing.expiryMs).catch(() => undefined);
  }

  /** The member's connections on this node changed: shared at the end of this turn of the event loop. */
  share(memberId: string, counts: [number, number]): void {
    this.pending.set(memberId, counts);
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => this.flush());
  }

  // Also the heartbeat: an empty message keeps this node alive to the others and its state on the bus.
  private flush() {
    this.scheduled = false;
    const reset = this.resetNeeded;
    const members: CountsByMember = reset ? this.allCounts() : Object.fromEntries(this.pending);
    this.pending.clear();
    this.resetNeeded = false;
    const msg: NodeStateMessage = { node: this.nodeId, epoch: this.epoch, seq: ++this.seq, members, ...(reset ? { reset } : {}) };
    this.bus.shareConnections(msg, this.timing.expiryMs).catch((err: Error) => {
      this.resetNeeded = true;
      this.log(`sharing connection counts failed, will send them all again: ${err.message}`);
    });
  }

  private receive(msg: NodeStateMessage) {
    const { results, resync } = this.tracker.receive(msg, Date.now());
    this.onResults(results);
    for (const node of resync) this.resync(node);
  }

  /**
   * Reads a node's whole state again. A failed read is tried again (1 s, doubling to 30 s) while the
   * node keeps talking, instead of leaving it "syncing" with its messages held back for ever; a gap
   * found among the held-back messages asks for another read.
   */
  private resync(node: string, attempt = 0) {
    if (this.stopped) return;
    this.bus.readConnections(node).then(
      (snap) => {
        const { results, resync } = this.tracker.synced(node, snap, Date.now());
        this.onResults(results);
        for (const again of resync) this.resync(again);
      },
      (err: Error) => {
        this.log(`reading node ${node}'s connections failed, trying again: ${err.message}`);
        const t = setTimeout(() => this.resync(node, attempt + 1), Math.min(30_000, 1000 * 2 ** attempt));
        t.unref?.();
      },
    );
  }
}
