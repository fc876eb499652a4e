import type { Db } from "../../db/client";
import { EXPIRY_MS, publicStatus, RECONNECT_GRACE_MS } from "../../presence/status";
import { PLAN_GRACE_MS } from "../state";
import { deviceLabel, distinctLabels } from "./device-label";
import type { Device } from "./plan";
import { type CallerFacts, DEFAULT_RULE_DOC, REPEAT_WINDOW_MS, type RoutingStatus, type RuleDoc, ruleDocSchema } from "./rules";

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];
export type Reader = Db | Tx;

/** A callee who has no connection but had one a moment ago (a page reloading) rings whichever device comes back. */
export const RECONNECTING: Device = { id: "*", label: "a device reconnecting" };

/** Everything a member's rules decide on, for one caller, read from the database. */
export type RoutingFacts = {
  doc: RuleDoc;
  caller: CallerFacts;
  status: RoutingStatus;
  devices: Device[];
  inCall: boolean;
  blocked: boolean;
};

export async function loadRuleDoc(db: Reader, memberId: string): Promise<{ doc: RuleDoc; version: number }> {
  const row = await db.routingRules.findUnique({ where: { memberId } });
  if (!row) return { doc: DEFAULT_RULE_DOC, version: 0 };
  const parsed = ruleDocSchema.safeParse(JSON.parse(row.doc));
  // A document stored by an older version that no longer parses falls back to the default, never to an error on every call.
  return { doc: parsed.success ? parsed.data : DEFAULT_RULE_DOC, version: row.version };
}

/** Who the caller is to the member: contact, favourite, in which of the member's groups, calling again. */
export async function callerFacts(db: Reader, memberId: string, callerId: string, now: Date, callId?: string): Promise<CallerFacts> {
  const [contact, recent] = await Promise.all([
    db.contact.findUnique({
      where: { ownerId_contactId: { ownerId: memberId, contactId: callerId } },
      select: { inBook: true, favourite: true, groups: { select: { groupId: true } } },
    }),
    db.call.count({
      where: {
        callerId,
        OR: [{ calleeId: memberId }, { meantForId: memberId }],
        createdAt: { gt: new Date(now.getTime() - REPEAT_WINDOW_MS), lte: now },
        ...(callId ? { NOT: { id: callId } } : {}),
      },
    }),
  ]);
  const inBook = !!contact?.inBook;
  return {
    kind: "member",
    contact: inBook,
    favourite: inBook && contact.favourite,
    groupIds: inBook ? contact.groups.map((g) => g.groupId) : [],
    repeat: recent > 0,
  };
}

/** The member's live devices, most recently active first: not idle before idle, newest connection first. */
async function liveDevices(db: Reader, memberId: string, now: Date): Promise<{ devices: Device[]; allIdle: boolean }> {
  const rows = await db.presenceConnection.findMany({
    where: { memberId, lastSeenAt: { gt: new Date(now.getTime() - EXPIRY_MS) } },
    select: { deviceId: true, userAgent: true, idle: true, connectedAt: true },
  });
  rows.sort((a, b) => Number(a.idle) - Number(b.idle) || b.connectedAt.getTime() - a.connectedAt.getTime());
  const byId = new Map<string, Device>();
  for (const r of rows) if (!byId.has(r.deviceId)) byId.set(r.deviceId, { id: r.deviceId, label: deviceLabel(r.userAgent) });
  return { devices: distinctLabels([...byId.values()]), allIdle: rows.length > 0 && rows.every((r) => r.idle) };
}

export async function liveDeviceIds(db: Reader, memberId: string, now: Date): Promise<Set<string>> {
  return new Set((await liveDevices(db, memberId, now)).devices.map((d) => d.id));
}

const ACTIVE = ["ringing", "connected"];

/** In a call or being rung now (other than `callId`, the call being routed). */
export async function inActiveCall(db: Reader, memberId: string, now: Date, callId?: string): Promise<boolean> {
  const n = await db.call.count({
    where: {
      status: { in: ACTIVE },
      OR: [{ callerId: memberId }, { calleeId: memberId }],
      NOT: [
        { status: "ringing", ringUntil: { lte: now }, plan: null },
        // A planned step the sweep never applied lapses, as expire() says.
        { status: "ringing", ringUntil: { lte: new Date(now.getTime() - PLAN_GRACE_MS) } },
        ...(callId ? [{ id: callId }] : []),
      ],
    },
  });
  return n > 0;
}

export async function loadRoutingFacts(
  db: Reader,
  input: { memberId: string; callerId: string; now: Date; callId?: string },
): Promise<RoutingFacts | null> {
  const { memberId, callerId, now } = input;
  const member = await db.member.findUnique({ where: { id: memberId }, select: { presenceSetting: true, presenceSeenAt: true } });
  if (!member) return null;
  const [{ doc }, caller, live, inCall, block] = await Promise.all([
    loadRuleDoc(db, memberId),
    callerFacts(db, memberId, callerId, now, input.callId),
    liveDevices(db, memberId, now),
    inActiveCall(db, memberId, now, input.callId),
    db.block.findUnique({ where: { blockerId_blockedId: { blockerId: memberId, blockedId: callerId } }, select: { blockerId: true } }),
  ]);
  const invisible = member.presenceSetting === "invisible";
  const justSeen = !!member.presenceSeenAt && member.presenceSeenAt.getTime() > now.getTime() - RECONNECT_GRACE_MS;
  // Appearing offline means not ringing, as before rules: nothing to ring, and the rules see "offline".
  const devices = invisible ? [] : live.devices.length > 0 ? live.devices : justSeen ? [RECONNECTING] : [];
  const status = publicStatus({ setting: member.presenceSetting, liveConnections: devices.length, allIdle: live.allIdle, inCall });
  return { doc, caller, status, devices, inCall, blocked: !!block };
}
