import type { Db } from "../db/client";
import { env } from "../env";
import { DomainError } from "../errors";
import { createRoom, mintToken, removeFromRoom, roomIdentities } from "../livekit";

/** A group's video room: at most this many people at once. */
export const GROUP_ROOM_MAX = 16;
export const groupRoomName = (groupId: string) => `group-${groupId}`;
export const groupIdOfRoom = (room: string) => (room.startsWith("group-") ? room.slice(6) : null);

/** The group, when the member is in it (asking to join is not being in it). */
async function membership(db: Db, handle: string, memberId: string) {
  const g = await db.group.findFirst({
    where: { handleKey: handle.toLowerCase(), members: { some: { memberId, role: { in: ["owner", "admin", "member"] } } } },
    select: { id: true },
  });
  // Outsiders learn nothing, not even that the group exists beyond its public page.
  if (!g) throw new DomainError("NOT_FOUND", "No such group");
  return g;
}

/**
 * A token for the group's room, for its members only: scoped to that one room, minutes long, camera,
 * microphone and screen. The room holds GROUP_ROOM_MAX people; the one who would be the next is told so.
 */
export async function groupRoomGrant(db: Db, handle: string, member: { id: string; displayName: string }) {
  const g = await membership(db, handle, member.id);
  const room = groupRoomName(g.id);
  const inside = await roomIdentities(room);
  if (!inside.includes(member.id) && inside.length >= GROUP_ROOM_MAX) {
    throw new DomainError("CONFLICT", `The room is full: ${GROUP_ROOM_MAX} people are in it`);
  }
  await createRoom(room, GROUP_ROOM_MAX);
  const token = await mintToken({ identity: member.id, name: member.displayName, room, video: true, screen: true });
  return { url: env().LIVEKIT_URL, token, room, identity: member.id };
}

/** Who of the group is in its room now (for its members' page). */
export async function groupRoomPeople(groupId: string): Promise<string[]> {
  return roomIdentities(groupRoomName(groupId));
}

/** Someone who left or was removed leaves the room too, at once (their token would let them stay). */
export async function leaveRoom(groupId: string, memberId: string): Promise<void> {
  // Best effort: the media server may be away; the membership change stands either way.
  await removeFromRoom(groupRoomName(groupId), memberId).catch(() => undefined);
}
