import type { Db } from "../db/client";
import { mapInParts } from "../db/in-parts";

/**
 * What a presence node caches about members besides their connections: their setting and whether
 * they are in a call. Read once per member (then kept up to date by the bus's notices), in two
 * queries however many members.
 */
export async function loadPresenceFacts(db: Db, memberIds: string[]): Promise<Map<string, { setting: string; inCall: boolean }>> {
  const ids = [...new Set(memberIds)];
  if (ids.length === 0) return new Map();
  return mapInParts(ids, (part) => factsOf(db, part));
}

async function factsOf(db: Db, ids: string[]): Promise<Map<string, { setting: string; inCall: boolean }>> {
  const [members, calls] = await Promise.all([
    db.member.findMany({ where: { id: { in: ids } }, select: { id: true, presenceSetting: true } }),
    // In a call means busy to everyone else (as lib/presence/read-model.ts reads it).
    db.call.findMany({
      where: { status: "connected", OR: [{ callerId: { in: ids } }, { calleeId: { in: ids } }] },
      select: { callerId: true, calleeId: true },
    }),
  ]);
  const inCall = new Set(calls.flatMap((c) => [c.callerId, c.calleeId]));
  return new Map(members.map((m) => [m.id, { setting: m.presenceSetting, inCall: inCall.has(m.id) }]));
}
