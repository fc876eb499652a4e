import { GroupPage } from "@/components/groups/group-view";
import { db } from "@/lib/db/client";
import type { GroupView } from "@/lib/groups/get-group";
import { getStatuses } from "@/lib/presence/read-model";
import { statusesSeenBy } from "@/lib/presence/visibility-store";

/** The group's page, rendered with its members' statuses as this viewer may see them (then live). */
export async function GroupPageServer({ group, viewerId, invite }: { group: GroupView; viewerId: string | null; invite: string | null }) {
  const ids = (group.members ?? []).map((m) => m.id);
  const statuses = ids.length ? await statusesSeenBy(await db(), await getStatuses(await db(), ids), viewerId) : {};
  return <GroupPage initial={group} viewerId={viewerId} initialStatuses={statuses} invite={invite} />;
}
