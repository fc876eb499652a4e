import { EventEmitter } from "node:events";
import { type MemberEvent, type MemberEventMap, type MemberEventType, memberEvent, type PresenceNotice } from "../presence/events";
import type { NodeSnapshot, NodeStateMessage } from "../presence/peer-state";
import { type BusNode, CATCH_UP_MS } from "./types";

/**
 * The embedded bus: lives inside the single presence process. Route handlers
 * reach it over loopback HTTP (http-client.ts). Keeps each member's last two
 * minutes of events for catch-up. Ids are "<epoch>:<seq>", so ids from before a
 * restart are recognised as foreign.
 */
export class LocalBus implements BusNode {
  private emitter = new EventEmitter();
  private log = new Map<string, MemberEvent[]>();
  private seq = 0;
  private readonly epoch = Date.now().toString(36);

  constructor(private readonly now: () => number = Date.now) {
    this.emitter.setMaxListeners(0);
  }

  async toMember<K extends MemberEventType>(memberId: string, type: K, data: MemberEventMap[K]): Promise<void> {
    const e = memberEvent(`${this.epoch}:${++this.seq}`, memberId, type, data, this.now());
    const list = this.prune(memberId);
    list.push(e);
    this.log.set(memberId, list);
    this.emitter.emit("member", e);
  }

  async presenceChanged(changes: PresenceNotice[]): Promise<void> {
    if (changes.length) this.emitter.emit("presence", changes);
  }

  onMemberEvent(cb: (e: MemberEvent) => void): void {
    this.emitter.on("member", cb);
  }

  onPresence(cb: (changes: PresenceNotice[]) => void): void {
    this.emitter.on("presence", cb);
  }

  async since(memberId: string, lastId: string | undefined): Promise<MemberEvent[]> {
    const list = this.prune(memberId);
    const [epoch, seq] = (lastId ?? "").split(":");
    if (epoch !== this.epoch) return [...list];
    return list.filter((e) => Number(e.id.split(":")[1]) > Number(seq));
  }

  // One process, one node: there is nobody to share connection counts with.
  async shareConnections(_msg: NodeStateMessage, _ttlMs: number): Promise<void> {}

  onConnections(_cb: (msg: NodeStateMessage) => void): void {}

  async readConnections(_node: string): Promise<NodeSnapshot | null> {
    return null;
  }

  async readAllConnections(): Promise<NodeSnapshot[]> {
    return [];
  }

  async close(): Promise<void> {
    this.emitter.removeAllListeners();
  }

  /** Drops the member's events older than the catch-up window. They are in time order: only the front goes. */
  private prune(memberId: string): MemberEvent[] {
    const cutoff = this.now() - CATCH_UP_MS;
    const list = this.log.get(memberId) ?? [];
    let old = 0;
    while (old < list.length && list[old]!.at < cutoff) old++;
    if (old) list.splice(0, old);
    if (list.length) this.log.set(memberId, list);
    else this.log.delete(memberId);
    return list;
  }
}
