import type { Db } from "../db/client";
import { SHOWN_NUMBER, shownNumber } from "../numbers/spelling";
import type { GroupAccess, GroupRole } from "./schemas";

export type GroupPerson = { id: string; handle: string; displayName: string; photoUrl: string | null; role: GroupRole };

export type GroupView = {
  id: string;
  handle: string;
  name: string;
  description: string;
  /** The group's picture, when it has one. */
  photoUrl: string | null;
  number: string | null;
  formattedNumber: string | null;
  listed: boolean;
  access: GroupAccess;
  hasPassword: boolean;
  memberCount: number;
  /** The viewer's place: null outside, "requested" while waiting for an admin. */
  viewerRole: GroupRole | "requested" | null;
  /** For members only: everyone in the group, owner and admins first. */
  members: GroupPerson[] | null;
  /** For admins and the owner only: who asked to join. */
  requests: GroupPerson[] | null;
  /** For members only: the group's conversation. */
  conversationId: string | null;
  /** For members only: who is in the group's video room now. */
  inRoom: string[] | null;
};

const ORDER: Record<string, number> = { owner: 0, admin: 1, member: 2, requested: 3 };
const photoUrl = (m: { handle: string; photoKey: string | null }) =>
  m.photoKey ? `/api/members/${encodeURIComponent(m.handle)}/photo` : null;

/**
 * A group as one viewer may see it. Everyone sees its name, description, number and how many are in
 * it; only its members see who they are and its conversation; only admins see requests.
 */
export async function getGroup(
  db: Db,
  handle: string,
  viewerId: string | null,
  roomPeople: (groupId: string) => Promise<string[]> = async () => [],
): Promise<GroupView | null> {
  const g = await db.group.findUnique({
    where: { handleKey: handle.toLowerCase() },
    select: {
      id: true,
      handle: true,
      name: true,
      description: true,
      photoKey: true,
      listed: true,
      access: true,
      passwordHash: true,
      conversationId: true,
      number: { select: SHOWN_NUMBER },
    },
  });
  if (!g) return null;
  const [mine, memberCount] = await Promise.all([
    viewerId
      ? db.groupMember.findUnique({ where: { groupId_memberId: { groupId: g.id, memberId: viewerId } }, select: { role: true } })
      : null,
    db.groupMember.count({ where: { groupId: g.id, role: { not: "requested" } } }),
  ]);
  const viewerRole = (mine?.role ?? null) as GroupView["viewerRole"];
  const inside = viewerRole !== null && viewerRole !== "requested";
  const admin = viewerRole === "owner" || viewerRole === "admin";
  const people = inside
    ? await db.groupMember.findMany({
        where: { groupId: g.id, ...(admin ? {} : { role: { not: "requested" } }) },
        select: { role: true, member: { select: { id: true, handle: true, displayName: true, photoKey: true } } },
      })
    : [];
  // The media server may be away: the page still shows, with nobody in the room.
  const inRoom = inside ? await roomPeople(g.id).catch(() => []) : null;
  const persons = people
    .map((p) => ({
      id: p.member.id,
      handle: p.member.handle,
      displayName: p.member.displayName,
      photoUrl: photoUrl(p.member),
      role: p.role,
    }))
    .sort((a, b) => (ORDER[a.role] ?? 9) - (ORDER[b.role] ?? 9) || a.displayName.localeCompare(b.displayName));
  return {
    id: g.id,
    handle: g.handle,
    name: g.name,
    description: g.description,
    photoUrl: g.photoKey ? `/api/groups/${encodeURIComponent(g.handle)}/photo?v=${encodeURIComponent(g.photoKey.slice(-20))}` : null,
    number: g.number?.digits ?? null,
    formattedNumber: shownNumber(g.number),
    listed: g.listed,
    access: g.access as GroupAccess,
    hasPassword: g.passwordHash !== null,
    memberCount,
    viewerRole,
    members: inside ? (persons.filter((p) => p.role !== "requested") as GroupPerson[]) : null,
    requests: admin ? (persons.filter((p) => p.role === "requested") as unknown as GroupPerson[]) : null,
    conversationId: inside ? g.conversationId : null,
    inRoom,
  };
}
