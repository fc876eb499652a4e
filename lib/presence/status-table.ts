/**
 * Every member's status, computed in memory on each presence node: from the connections each node
 * holds of the member (this node's own, and the others' as they share them over the bus) and the
 * member's facts (their setting, whether they are in a call), cached here. Pure and synchronous:
 * the node feeds it what happened and gets back which statuses changed, before and after.
 */
import { isSetting, type PresenceSetting, publicStatus, type PublicStatus } from "./status";

/** One node's connections of one member: how many, and how many of them idle. */
export type Counts = readonly [live: number, idle: number];

export type StatusChange = { memberId: string; before: PublicStatus; after: PublicStatus };

/**
 * The outcome of feeding the table: a change, nothing, or "facts needed" when the member holds
 * connections but their setting or call is not cached here. No status is guessed then: an invisible
 * member guessed online would be shown to people they hide from.
 */
export type TableResult = StatusChange | { memberId: string; needsFacts: true } | null;

export type Facts = { setting: PresenceSetting; inCall: boolean };

export class StatusTable {
  private counts = new Map<string, Map<string, Counts>>(); // member -> node -> counts
  private byNode = new Map<string, Set<string>>(); // node -> members it holds connections of
  private settings = new Map<string, PresenceSetting>();
  private inCall = new Map<string, boolean>();
  private gen = new Map<string, number>();
  // The last status computed for a member who is not offline (absent: offline).
  private last = new Map<string, PublicStatus>();

  /** The member's status now, or null when facts are needed to know it. */
  status(memberId: string): PublicStatus | null {
    let live = 0;
    let idle = 0;
    for (const [l, i] of this.counts.get(memberId)?.values() ?? []) {
      live += l;
      idle += i;
    }
    if (live === 0) return "offline";
    const setting = this.settings.get(memberId);
    const inCall = this.inCall.get(memberId);
    if (setting === undefined || inCall === undefined) return null;
    return publicStatus({ setting, liveConnections: live, allIdle: idle === live, inCall });
  }

  /** The status last reported for the member (what watchers were last told). */
  lastStatus(memberId: string): PublicStatus {
    return this.last.get(memberId) ?? "offline";
  }

  /** The member's own choice, when cached. */
  setting(memberId: string): PresenceSetting | undefined {
    return this.settings.get(memberId);
  }

  hasFacts(memberId: string): boolean {
    return this.settings.has(memberId) && this.inCall.has(memberId);
  }

  /**
   * Moves on whenever the member's facts are announced or forgotten: a database read taken at an
   * older generation is older than what the table knows, and is dropped.
   */
  generation(memberId: string): number {
    return this.gen.get(memberId) ?? 0;
  }

  private bump(memberId: string) {
    this.gen.set(memberId, this.generation(memberId) + 1);
  }

  /** Members whose facts are cached, for reading them all again now and then. */
  cachedMembers(): string[] {
    return [...this.settings.keys()];
  }

  /** A node now holds these counts of the member's connections ([0, 0]: none). */
  setCounts(node: string, memberId: string, counts: Counts): TableResult {
    if (counts[0] > 0) this.attach(node, memberId, counts);
    else {
      this.detach(node, memberId);
      this.byNode.get(node)?.delete(memberId);
    }
    return this.recompute(memberId);
  }

  /** Replaces everything known of a node's connections (a node starting again, or read afresh). */
  replaceNode(node: string, members: ReadonlyMap<string, Counts>): TableResult[] {
    const touched = new Set([...(this.byNode.get(node) ?? []), ...members.keys()]);
    for (const m of this.byNode.get(node) ?? []) this.detach(node, m);
    this.byNode.delete(node);
    for (const [m, c] of members) if (c[0] > 0) this.attach(node, m, c);
    return [...touched].map((m) => this.recompute(m));
  }

  /** A node is gone (stopped, or silent past the expiry): its members' connections there count for nothing. */
  dropNode(node: string): TableResult[] {
    return this.replaceNode(node, new Map());
  }

  /** Members a node holds connections of. */
  membersOn(node: string): string[] {
    return [...(this.byNode.get(node) ?? [])];
  }

  /** The member chose a setting (the event carries it: no need to read it back). */
  setSetting(memberId: string, setting: PresenceSetting): TableResult {
    this.bump(memberId);
    this.settings.set(memberId, setting);
    return this.recompute(memberId);
  }

  /** A call of the member's connected or ended. */
  setInCall(memberId: string, inCall: boolean): TableResult {
    this.bump(memberId);
    this.inCall.set(memberId, inCall);
    return this.recompute(memberId);
  }

  /**
   * Facts read from the database fill only what is not cached: a setting announced while the read
   * was under way is newer than what the read found.
   */
  fillFacts(memberId: string, facts: { setting: string; inCall: boolean }, readAt?: number): TableResult {
    if (readAt !== undefined && readAt !== this.generation(memberId)) return null;
    if (!this.settings.has(memberId)) this.settings.set(memberId, isSetting(facts.setting) ? facts.setting : "online");
    if (!this.inCall.has(memberId)) this.inCall.set(memberId, facts.inCall);
    return this.recompute(memberId);
  }

  /** Forgets cached facts (the member's facts may have changed in ways not announced: read them again). */
  forgetFacts(memberId: string): void {
    this.bump(memberId);
    this.settings.delete(memberId);
    this.inCall.delete(memberId);
  }

  /**
   * Facts read again from the database replace the cached ones (a notice lost on the bus is mended),
   * unless something was announced since the read began (`readAt`, a generation).
   */
  refreshFacts(memberId: string, facts: { setting: string; inCall: boolean }, readAt: number): TableResult {
    if (readAt !== this.generation(memberId) || !this.settings.has(memberId)) return null;
    this.settings.set(memberId, isSetting(facts.setting) ? facts.setting : "online");
    this.inCall.set(memberId, facts.inCall);
    return this.recompute(memberId);
  }

  /**
   * Drops the facts of offline members nobody here needs (`keep` says who is needed), so the cache
   * holds members in use, not every member ever seen.
   */
  pruneFacts(keep: (memberId: string) => boolean): number {
    let n = 0;
    for (const m of new Set([...this.settings.keys(), ...this.inCall.keys()])) {
      if (this.counts.has(m) || keep(m)) continue;
      this.forgetFacts(m);
      this.gen.delete(m);
      n++;
    }
    return n;
  }

  private recompute(memberId: string): TableResult {
    const after = this.status(memberId);
    if (after === null) return { memberId, needsFacts: true };
    const before = this.lastStatus(memberId);
    if (after === before) return null;
    if (after === "offline") this.last.delete(memberId);
    else this.last.set(memberId, after);
    return { memberId, before, after };
  }

  private attach(node: string, memberId: string, counts: Counts) {
    let perNode = this.counts.get(memberId);
    if (!perNode) this.counts.set(memberId, (perNode = new Map()));
    perNode.set(node, [counts[0], Math.min(Math.max(counts[1], 0), counts[0])]);
    let members = this.byNode.get(node);
    if (!members) this.byNode.set(node, (members = new Set()));
    members.add(memberId);
  }

  private detach(node: string, memberId: string) {
    const perNode = this.counts.get(memberId);
    perNode?.delete(node);
    if (perNode?.size === 0) this.counts.delete(memberId);
  }
}

export const isChange = (r: TableResult): r is StatusChange => r !== null && "after" in r;
