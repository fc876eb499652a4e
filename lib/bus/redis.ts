import { Redis } from "ioredis";
import { type MemberEvent, type MemberEventMap, type MemberEventType, memberEvent, type PresenceChange } from "../presence/events";
import { type BusNode, CATCH_UP_MS } from "./types";

const MEMBER_CHANNEL = "portal:bus:member";
const PRESENCE_CHANNEL = "portal:bus:presence";
const streamKey = (memberId: string) => `portal:events:${memberId}`;

/**
 * The scale-out bus: Redis pub/sub reaches every presence node; each member's
 * recent events sit in a Redis stream (trimmed, expiring after two minutes), so
 * a member who reconnects to any node catches up.
 */
export class RedisBus implements BusNode {
  private pub: Redis;
  private sub: Redis | null = null;
  private memberCbs: ((e: MemberEvent) => void)[] = [];
  private presenceCbs: ((c: PresenceChange[]) => void)[] = [];

  constructor(private readonly url: string) {
    this.pub = new Redis(url, { maxRetriesPerRequest: 3, lazyConnect: false });
  }

  async toMember<K extends MemberEventType>(memberId: string, type: K, data: MemberEventMap[K]): Promise<void> {
    const at = Date.now();
    const payload = JSON.stringify({ type, data, at });
    const id = await this.pub.xadd(streamKey(memberId), "MAXLEN", "~", "200", "*", "e", payload);
    await this.pub.pexpire(streamKey(memberId), CATCH_UP_MS);
    const e = memberEvent(id!, memberId, type, data, at);
    await this.pub.publish(MEMBER_CHANNEL, JSON.stringify(e));
  }

  async presenceChanged(changes: PresenceChange[]): Promise<void> {
    if (changes.length) await this.pub.publish(PRESENCE_CHANNEL, JSON.stringify(changes));
  }

  onMemberEvent(cb: (e: MemberEvent) => void): void {
    this.memberCbs.push(cb);
    this.ensureSub();
  }

  onPresence(cb: (changes: PresenceChange[]) => void): void {
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

  async close(): Promise<void> {
    this.sub?.disconnect();
    this.pub.disconnect();
  }

  private ensureSub() {
    if (this.sub) return;
    this.sub = new Redis(this.url);
    void this.sub.subscribe(MEMBER_CHANNEL, PRESENCE_CHANNEL);
    this.sub.on("message", (channel: string, message: string) => {
      const parsed = JSON.parse(message);
      if (channel === MEMBER_CHANNEL) for (const cb of this.memberCbs) cb(parsed);
      else for (const cb of this.presenceCbs) cb(parsed);
    });
  }
}
