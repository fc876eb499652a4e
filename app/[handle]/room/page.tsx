import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { currentMember } from "@/app/_server/session";
import { GroupRoom } from "@/components/groups/group-room";
import { db } from "@/lib/db/client";
import { getGroup } from "@/lib/groups/get-group";
import { GROUP_ROOM_MAX, groupRoomPeople } from "@/lib/groups/room";

export const metadata: Metadata = { title: "Group room" };

/** /<group>/room: the group's video room, for its members. */
export default async function GroupRoomPage({ params }: { params: Promise<{ handle: string }> }) {
  const { handle } = await params;
  if (!/^[A-Za-z][A-Za-z0-9-]{1,29}$/.test(handle)) notFound();
  const viewer = await currentMember();
  if (!viewer) redirect(`/signin?next=/${handle}/room`);
  const group = await getGroup(await db(), handle, viewer.id, groupRoomPeople);
  if (!group) notFound();
  if (!group.members) redirect(`/${group.handle}`);
  return <GroupRoom initial={group} maxPeople={GROUP_ROOM_MAX} />;
}
