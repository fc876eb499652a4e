import type { MemberEvent, MemberEventMap, MemberEventType, PresenceChange } from "../presence/events";

/** How long a member's events are kept for a connection that drops and comes back. */
export const CATCH_UP_MS = 2 * 60_000;

/** What route handlers use to reach members and announce presence. */
export interface BusPublisher {
  toMember<K extends MemberEventType>(memberId: string, type: K, data: MemberEventMap[K]): Promise<void>;
  presenceChanged(changes: PresenceChange[]): Promise<void>;
}

/** What a presence node uses: the same publishing, plus listening and catch-up. */
export interface BusNode extends BusPublisher {
  onMemberEvent(cb: (e: MemberEvent) => void): void;
  onPresence(cb: (changes: PresenceChange[]) => void): void;
  /** A member's events after `lastId` (all kept ones if `lastId` is unknown here). */
  since(memberId: string, lastId: string | undefined): Promise<MemberEvent[]>;
  close(): Promise<void>;
}
