import type { MemberEvent, MemberEventMap, MemberEventType, PresenceNotice } from "../presence/events";
import type { NodeSnapshot, NodeStateMessage } from "../presence/peer-state";

/** How long a member's events are kept for a connection that drops and comes back. */
export const CATCH_UP_MS = 2 * 60_000;

/** What route handlers use to reach members and announce presence. */
export interface BusPublisher {
  toMember<K extends MemberEventType>(memberId: string, type: K, data: MemberEventMap[K]): Promise<void>;
  presenceChanged(changes: PresenceNotice[]): Promise<void>;
}

/** What a presence node uses: the same publishing, plus listening and catch-up. */
export interface BusNode extends BusPublisher {
  onMemberEvent(cb: (e: MemberEvent) => void): void;
  onPresence(cb: (changes: PresenceNotice[]) => void): void;
  /** A member's events after `lastId` (all kept ones if `lastId` is unknown here). */
  since(memberId: string, lastId: string | undefined): Promise<MemberEvent[]>;
  /**
   * Shares this node's connection counts with the other nodes, and keeps its whole state on the bus
   * for `ttlMs` (refreshed by every message), for nodes that start later or missed a message.
   */
  shareConnections(msg: NodeStateMessage, ttlMs: number): Promise<void>;
  onConnections(cb: (msg: NodeStateMessage) => void): void;
  /** The state kept for one node (null when gone), or for every node. */
  readConnections(node: string): Promise<NodeSnapshot | null>;
  readAllConnections(): Promise<NodeSnapshot[]>;
  close(): Promise<void>;
}
