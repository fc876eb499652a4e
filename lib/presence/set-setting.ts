import type { BusPublisher } from "../bus";
import type { Db } from "../db/client";
import { getStatus } from "./read-model";
import type { PresenceSetting, PublicStatus } from "./status";

/** A member chooses online, away, do-not-disturb or invisible; watchers and their own devices hear at once. */
export async function setPresenceSetting(
  db: Db,
  bus: BusPublisher,
  memberId: string,
  setting: PresenceSetting,
): Promise<{ setting: PresenceSetting; status: PublicStatus }> {
  await db.member.update({ where: { id: memberId }, data: { presenceSetting: setting } });
  const status = await getStatus(db, memberId);
  await Promise.all([bus.presenceChanged([{ memberId, status, setting }]), bus.toMember(memberId, "presence-setting", { setting })]);
  if (setting !== "dnd") await tellWaitingRequests(db, bus, memberId);
  return { setting, status };
}

/**
 * Strangers' requests waited silently while the member was on do-not-disturb: their devices fetch
 * those conversations now. (Told for every open request: cheap, and right even if the previous
 * setting was read by another device at the same moment.)
 */
async function tellWaitingRequests(db: Db, bus: BusPublisher, memberId: string): Promise<void> {
  const requests = await db.conversationMember.findMany({
    where: { memberId, state: "request", conversation: { lastMessageAt: { not: null } } },
    select: { conversationId: true },
    orderBy: { joinedAt: "desc" },
    take: 50,
  });
  await Promise.allSettled(requests.map((r) => bus.toMember(memberId, "conversation", { conversationId: r.conversationId })));
}

/** The member's own choice and the status others see from it. */
export async function ownPresence(db: Db, memberId: string): Promise<{ setting: PresenceSetting; status: PublicStatus }> {
  const m = await db.member.findUnique({ where: { id: memberId }, select: { presenceSetting: true } });
  return { setting: (m?.presenceSetting ?? "online") as PresenceSetting, status: await getStatus(db, memberId) };
}
