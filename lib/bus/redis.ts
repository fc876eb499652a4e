import { Redis } from "ioredis";
import { type MemberEvent, type MemberEventMap, type MemberEventType, memberEvent, type PresenceNotice } from "../presence/events";
import type { CountsByMember, NodeSnapshot, NodeStateMessage } from "../presence/peer-state";
import { type BusNode, CATCH_UP_MS } from "./types";
import { quiet } from "./quiet-redis";

const MEMBER_CHANNEL = "portal:bus:member";
const PRESENCE_CHANNEL = "portal:bus:presence";
const CONNECTIONS_CHANNEL = "portal:bus:connections";
const streamKey = (memberId: string) => `portal:events:${memberId}`;
// Each node's connection counts: a hash of member id -> "live:idle", plus its epoch and sequence.
const NODES_KEY = "portal:presence:nodes";
const nodeKey = (node: string) => `portal:presence:node:${node}`;
const EPOCH = "~epoch";
const SEQ = "~seq";

/**
 * The scale-out bus: Redis pub/sub reaches every presence node; each member's
 * recent events sit in a Redis stream (trimmed, expiring after two minutes), so
 * a member who reconnects to any node catches up.
 */
export class RedisBus implements BusNode {
  private pub: Redis;
  private sub: Redis | null = null;
  private memberCbs: ((e: MemberEvent) => void)[] = [];
  private presenceCbs: ((c: PresenceNotice[]) => void)[] = [];
  private connectionCbs: ((m: NodeStateMessage) => void)[] = [];

  /** Set once the first connection is up: until then commands wait in ioredis's queue as usual. */
  private wasReady = false;

  constructor(private readonly url: string) {
    this.pub = quiet(new Redis(url, { maxRetriesPerRequest: 3, lazyConnect: false }));
    this.pub.once("ready", () => (this.wasReady = true));
  }

  /**
   * Once Redis has been up and is away again, telling fails at once rather than holding the caller
   * (a route handler storing a message) through the reconnection: what is told is also stored, and
   * devices catch up. Before the first connection (a cold start) commands queue and wait.
   */
  private ready(): void {
    if (this.wasReady && this.pub.status !== "ready") throw new Error(`the Redis bus is ${this.pub.status}`);
  }

  async toMember<K extends MemberEventType>(memberId: string, type: K, data: MemberEventMap[K]): Promise<void> {
    this.ready();
    const at = Date.now();
    const payload = JSON.stringify({ type, data, at });
    const id = await this.pub.xadd(streamKey(memberId), "MAXLEN", "~", "200", "*", "e", payload);
    await this.pub.pexpire(streamKey(memberId), CATCH_UP_MS);
    const e = memberEvent(id!, memberId, type, data, at);
    await this.pub.publish(MEMBER_CHANNEL, JSON.stringify(e));
  }

  async presenceChanged(changes: PresenceNotice[]): Promise<void> {
    this.ready();
    if (changes.length) await this.pub.publish(PRESENCE_CHANNEL, JSON.stringify(changes));
  }

  onMemberEvent(cb: (e: MemberEvent) => void): void {
    this.memberCbs.push(cb);
    this.ensureSub();
  }

  onPresence(cb: (changes: PresenceNotice[]) => void): void {
    this.presenceCbs.push(cb);
    this.ensureSub();
  }

  async since(memberId: string, lastId: string | undefined): Promise<MemberEvent[]> {
    const start = lastId && /^\d+-\d+$/.test(lastId) ? `(${lastId}` : "-";
    const rows = await this.pub.xrange(streamKey(memberId), start, "+");
    const cutoff = Date.now() - CATCH_UP_MS;
    return rows
      .map(([id, fields]) => {
        const { type, data, at } = JSON.parse(fields[1] ?? "{}");
        return { id, memberId, type, data, at } as MemberEvent;
      })
      .filter((e) => e.at >= cutoff);
  }

  async shareConnections(msg: NodeStateMessage, ttlMs: number): Promise<void> {
    const key = nodeKey(msg.node);
    // State and message in one transaction: a node reading the hash sees the sequence it includes.
    const tx = this.pub.multi();
    if (msg.gone) tx.del(key).srem(NODES_KEY, msg.node);
    else {
      if (msg.reset) tx.del(key);
      const gone = Object.entries(msg.members).filter(([, c]) => c[0] === 0);
      const held = Object.entries(msg.members).filter(([, c]) => c[0] > 0);
      if (gone.length) tx.hdel(key, ...gone.map(([m]) => m));
      tx.hset(key, EPOCH, msg.epoch, SEQ, String(msg.seq), ...held.flatMap(([m, c]) => [m, `${c[0]}:${c[1]}`]));
      tx.pexpire(key, ttlMs).sadd(NODES_KEY, msg.node);
    }
    tx.publish(CONNECTIONS_CHANNEL, JSON.stringify(msg));
    await tx.exec();
  }

  onConnections(cb: (msg: NodeStateMessage) => void): void {
    this.connectionCbs.push(cb);
    this.ensureSub();
  }

  async readConnections(node: string): Promise<NodeSnapshot | null> {
    const h = await this.pub.hgetall(nodeKey(node));
    if (!h[EPOCH]) return null;
    const members: CountsByMember = {};
    for (const [k, v] of Object.entries(h)) {
      if (k === EPOCH || k === SEQ) continue;
      const [live, idle] = v.split(":").map(Number);
      members[k] = [live ?? 0, idle ?? 0];
    }
    return { node, epoch: h[EPOCH], seq: Number(h[SEQ] ?? 0), members };
  }

  async readAllConnections(): Promise<NodeSnapshot[]> {
    const out: NodeSnapshot[] = [];
    for (const node of await this.pub.smembers(NODES_KEY)) {
      const snap = await this.readConnections(node);
      // Its hash expired: the node stopped refreshing it long ago.
      if (snap) out.push(snap);
      else await this.pub.srem(NODES_KEY, node);
    }
    return out;
  }

  async close(): Promise<void> {
    this.sub?.disconnect();
    this.pub.disconnect();
  }

  private ensureSub() {
    if (this.sub) return;
    this.sub = quiet(new Redis(this.url));
    void this.sub.subscribe(MEMBER_CHANNEL, PRESENCE_CHANNEL, CONNECTIONS_CHANNEL);
    this.sub.on("message", (channel: string, message: string) => {
      const parsed = JSON.parse(message);
      if (channel === MEMBER_CHANNEL) for (const cb of this.memberCbs) cb(parsed);
      else if (channel === CONNECTIONS_CHANNEL) for (const cb of this.connectionCbs) cb(parsed);
      else for (const cb of this.presenceCbs) cb(parsed);
    });
  }
}
