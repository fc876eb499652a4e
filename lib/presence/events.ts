import type { PresenceSetting, PublicStatus } from "./status";

/** One event addressed to a member, delivered to every connection they hold. */
export type MemberEvent = { id: string; memberId: string; type: string; data: unknown; at: number };
export type PresenceChange = { memberId: string; status: PublicStatus };

/** The typed socket protocol, shared by server/presence and the browser. */
export interface ServerToClient {
  presence: (changes: PresenceChange[]) => void;
  event: (e: MemberEvent) => void;
  self: (s: { setting: PresenceSetting; status: PublicStatus }) => void;
}

export interface ClientToServer {
  watch: (memberIds: string[], ack: (statuses: Record<string, PublicStatus>) => void) => void;
  idle: (idle: boolean) => void;
}

export type HandshakeAuth = { ticket?: string; deviceId?: string; lastEventId?: string };
