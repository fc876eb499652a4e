import type { Db } from "../db/client";
import { DomainError } from "../errors";
import { env } from "../env";
import {
  allowIntoCall,
  createRoom,
  memberOfIdentity,
  mintToken,
  removeFromRoom,
  ringIdentity,
  roomIdentities,
  roomName,
  visibleIdentities,
} from "../livekit";
import { callForParty } from "./service";

/**
 * A call's room holds its two parties, and while it rings, each page where it rings (hidden, see
 * `ringGrant`): a member's phone, laptop and a second tab, through a hunt at most a few members.
 */
export const CALL_ROOM_MAX = 10;

/**
 * Where and how a party joins the call's media. The caller may join while it
 * rings (so media flows the moment the callee accepts); the callee once accepted, on the device
 * that accepted (`device`, the page's device id), unless a page that waited in the room took it.
 */
export async function mediaGrant(db: Db, callId: string, member: { id: string; displayName: string }, device?: string) {
  const call = await callForParty(db, callId, member.id);
  if (call.status === "ended") throw new DomainError("CONFLICT", "This call has ended.");
  if (call.status === "ringing" && call.calleeId === member.id) throw new DomainError("FORBIDDEN", "Answer the call first.");
  const room = roomName(call.id);
  // The callee's other devices and windows stay out: a second one joining would talk over the
  // first, and its leaving would end the call.
  if (call.calleeId === member.id) {
    if (device === undefined) throw new DomainError("BAD_REQUEST", "Say which device answered the call (device).");
    if (call.answeredDevice !== null && call.answeredDevice !== device)
      throw new DomainError("FORBIDDEN", "This call was answered on another device.");
    const answeredInRoom = (await visibleIdentities(room)).some((id) => id.startsWith(`${member.id}:ring:`));
    if (answeredInRoom) throw new DomainError("FORBIDDEN", "This call was answered in another window.");
  }
  // Creating an existing room returns it: both parties may ask.
  await createRoom(room, CALL_ROOM_MAX);
  const token = await mintToken({ identity: member.id, name: member.displayName, room, video: call.kind === "video" });
  return { url: env().LIVEKIT_URL, token, room, identity: member.id };
}

/**
 * A page where the call rings joins its room before the member answers, so that answering costs no
 * connection and no negotiation of what it sends. It is hidden (the caller's page does not see it)
 * and may receive nothing: the server, not the caller's page, keeps the caller's picture and sound
 * from a member who has not answered. Its token lasts as long as the ring (and a few seconds), so a
 * page whose ring moved on to someone else cannot rejoin with it. Only while the call rings this
 * member, on this device when its devices ring in turn; `answeredHere` lets the answering page in.
 */
export async function ringGrant(
  db: Db,
  callId: string,
  member: { id: string; displayName: string },
  where: { deviceId: string; tab: string },
  now = new Date(),
) {
  const call = await callForParty(db, callId, member.id, now);
  const ringsHere =
    call.status === "ringing" &&
    call.calleeId === member.id &&
    call.ringUntil > now &&
    (call.ringDevice === null || call.ringDevice === where.deviceId);
  if (!ringsHere) throw new DomainError("CONFLICT", "This call is not ringing here.");
  const room = roomName(call.id);
  await createRoom(room, CALL_ROOM_MAX);
  const identity = ringIdentity(member.id, where.tab);
  const ttlSeconds = Math.ceil((call.ringUntil.getTime() - now.getTime()) / 1000) + 5;
  const token = await mintToken({ identity, name: member.displayName, room, video: call.kind === "video", waiting: { ttlSeconds } });
  return { url: env().LIVEKIT_URL, token, room, identity };
}

/**
 * The callee answered on the page `tab`: the other pages that waited leave (every member's the call
 * rang, theirs are told the call was answered too; this makes sure), then that page, already in the
 * room, is let in. Done before either party is told of the answer. False when the page is not in the
 * room, or LiveKit could not be reached: the page then joins with `mediaGrant`.
 */
export async function answeredHere(callId: string, memberId: string, tab: string, video: boolean): Promise<boolean> {
  const room = roomName(callId);
  const identity = ringIdentity(memberId, tab);
  try {
    const others = (await roomIdentities(room)).filter((id) => id !== identity && memberOfIdentity(id).ringer);
    await Promise.all(others.map((id) => removeFromRoom(room, id)));
    return await allowIntoCall(room, identity, video);
  } catch {
    return false;
  }
}

/** Whether the page `tab` was let into the call (it is in the room and seen). */
export async function isLetIn(callId: string, memberId: string, tab: string): Promise<boolean> {
  return (await visibleIdentities(roomName(callId)).catch(() => [] as string[])).includes(ringIdentity(memberId, tab));
}
