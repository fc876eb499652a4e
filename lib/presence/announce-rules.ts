import type { BusPublisher } from "../bus";
import type { Db } from "../db/client";
import { getStatuses } from "./read-model";

/**
 * Tells every presence node that who may see these members changed (a visibility choice, a contact
 * made or ended, a group's detail, appear-offline-to): each node decides its open watches again,
 * so a watcher learns at once what it may now see, or that it may see nothing.
 */
export async function announceRulesChanged(deps: { db: Db; bus: BusPublisher }, memberIds: string[]): Promise<void> {
  const ids = [...new Set(memberIds)];
  if (!ids.length) return;
  const statuses = await getStatuses(deps.db, ids);
  await deps.bus.presenceChanged(ids.map((memberId) => ({ memberId, status: statuses[memberId] ?? "offline", rules: true })));
}
