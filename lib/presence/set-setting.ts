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
  return { setting, status };
}

/** The member's own choice and the status others see from it. */
export async function ownPresence(db: Db, memberId: string): Promise<{ setting: PresenceSetting; status: PublicStatus }> {
  const m = await db.member.findUnique({ where: { id: memberId }, select: { presenceSetting: true } });
  return { setting: (m?.presenceSetting ?? "online") as PresenceSetting, status: await getStatus(db, memberId) };
}
