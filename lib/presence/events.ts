import type { CallView } from "../calls/service";
import type { WireMessage } from "../messages/schemas";
import type { OrderView } from "../mall/orders";
import type { AgentCallView, ShopperView } from "../mall/views";
import type { PresenceSetting, PublicStatus } from "./status";

/**
 * Every event the portal sends to a member (or a guest) through the bus and the presence server, with
 * its payload: the one contract between the publishers in lib/, the bus, and the browser's handlers.
 */
export interface MemberEventMap {
  /**
   * A call rings this member's devices; with `device`, only that one (rules ringing devices in turn:
   * the presence server delivers it to that device alone). `meantFor`: forwarded, who it was for.
   */
  "call-ring": {
    callId: string;
    kind: CallView["kind"];
    ringUntil: string;
    caller: CallView["other"];
    device?: string;
    meantFor?: { handle: string; displayName: string };
  };
  /** A call this member is part of changed (connected, ended…). */
  call: CallView;
  /** A new message in the mailbox, and the unread count now. */
  mail: { messageId: string; unread: number };
  /** The member's own presence choice changed (on another device). */
  "presence-setting": { setting: PresenceSetting };
  /** The mall: a shopper's request rings this agent. */
  "mall-ring": AgentCallView;
  "mall-ring-stop": { callId: string };
  /** The console's own state changed on the server (set away after missed rings). */
  "mall-console": { status: "away"; notice: string };
  /** The agent's call changed (connected, shopper's camera, ended…). */
  "mall-agent-call": AgentCallView;
  /** The shopper's request changed (queue place, ringing, connected, pushed product…). */
  "mall-call": ShopperView;
  "mall-order": { callId: string; order: OrderView };
  /** The member's address book changed (a request, an answer, an edit on another device): fetch since the version held. */
  roster: { version: number };
  /** A contact this member asked about ("tell me when available") is available now. */
  available: { askId: string; memberId: string; handle: string; displayName: string };
  /** The member's asks changed (made or cancelled on a device); presence nodes start watching for `memberId` at once. */
  asks: { memberId: string };
  /** A message stored in one of the member's conversations (their own too, sent from another device). */
  message: WireMessage;
  /** A participant's read or delivered marker moved (the member's own, from another device, or a receipt from the other side). */
  read: { conversationId: string; memberId: string; readSeq: number; deliveredSeq: number };
  /** The member was added to a conversation (a group), or its people changed: fetch the list again. */
  conversation: { conversationId: string };
  /** Someone else in a conversation is typing (sent at most every few seconds; shown until a few seconds of silence). */
  typing: { conversationId: string; memberId: string };
  /** A "call me when free" request to or from this member was made or withdrawn: fetch the list again. */
  callbacks: { id: string };
  /** "Call me when free": the member asked about is free now; both sides are offered the call. */
  "callback-ready": { id: string; side: "asked" | "asked-of"; other: CallView["other"] };
  /** The member looked at their missed calls (on some device): every header's count goes to zero. */
  "calls-seen": { seen: number };
  /** A group's people changed (joined, asked, left, removed, roles): its page fetches them again. */
  group: { groupId: string };
}

export type MemberEventType = keyof MemberEventMap;

/** The event names at run time (checked complete by the type): what the internal bus endpoint accepts. */
const EVENT_NAMES: Record<MemberEventType, true> = {
  "call-ring": true,
  call: true,
  mail: true,
  "presence-setting": true,
  "mall-ring": true,
  "mall-ring-stop": true,
  "mall-console": true,
  "mall-agent-call": true,
  "mall-call": true,
  "mall-order": true,
  roster: true,
  available: true,
  asks: true,
  message: true,
  read: true,
  typing: true,
  conversation: true,
  group: true,
  "calls-seen": true,
  callbacks: true,
  "callback-ready": true,
};
export const MEMBER_EVENT_TYPES = Object.keys(EVENT_NAMES) as [MemberEventType, ...MemberEventType[]];

/** One event addressed to a member, delivered to every connection they hold. */
export type MemberEvent = {
  [K in MemberEventType]: { id: string; memberId: string; type: K; data: MemberEventMap[K]; at: number };
}[MemberEventType];

/** Builds an event from its parts (ids and times are the bus's). */
export function memberEvent<K extends MemberEventType>(
  id: string,
  memberId: string,
  type: K,
  data: MemberEventMap[K],
  at: number,
): MemberEvent {
  return { id, memberId, type, data, at } as MemberEvent;
}
/** A member's status, as a watcher is sent it (already at the detail the watcher may see). */
export type PresenceChange = { memberId: string; status: PublicStatus };

/**
 * What route handlers tell the presence nodes about a member (on the bus, never to a browser). Nodes
 * compute statuses themselves from connections and cached facts; a notice updates those facts:
 * `setting` (the member's own choice), `inCall` (a call connected or ended). With `rules`, what
 * changed is who may see the member (visibility, contacts, groups, appear-offline-to, blocks):
 * every node decides its watchers' detail again. A notice carrying neither fact nor `rules` makes a
 * node read the member's facts again. `status` is the publisher's reading of the database, for
 * diagnostics only.
 */
export type PresenceNotice = PresenceChange & { rules?: boolean; setting?: PresenceSetting; inCall?: boolean };

/** The typed socket protocol, shared by server/presence and the browser. */
export interface ServerToClient {
  presence: (changes: PresenceChange[]) => void;
  event: (e: MemberEvent) => void;
  self: (s: { setting: PresenceSetting; status: PublicStatus }) => void;
}

/** A text message sent over the socket: the same fields as POST /api/messages/<conversationId>. */
export type SocketSend = { conversationId: string; clientId: string; body: string; replyToSeq?: number };
/** The answer: the stored message (also when the same id was sent before), or why not, as the route says it. */
export type SocketSendAck =
  { message: WireMessage } | { error: { code: string; message: string; status: number; retryAfterSeconds?: number } };

export interface ClientToServer {
  watch: (memberIds: string[], ack: (statuses: Record<string, PublicStatus>) => void) => void;
  idle: (idle: boolean) => void;
  send: (m: SocketSend, ack: (r: SocketSendAck) => void) => void;
}

export type HandshakeAuth = { ticket?: string; deviceId?: string; lastEventId?: string };
