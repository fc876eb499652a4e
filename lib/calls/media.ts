import type { Db } from "../db/client";
import { DomainError } from "../errors";
import { env } from "../env";
import { allowIntoCall, createRoom, memberOfIdentity, mintToken, removeFromRoom, ringIdentity, roomIdentities, roomName } from "../livekit";
import { callForParty } from "./service";

/**
 * A call's room holds its two parties, and while it rings, each page where it rings (hidden, see
 * `ringGrant`): a member's phone, laptop and a second tab, through a hunt at most a few members.
 */
export const CALL_ROOM_MAX = 10;

/**
 * Where and how a party joins the call's media. The caller may join while it
 * rings (so media flows the moment the callee accepts); the callee once accepted, on the device
 * that accepted (`device`, the page's device id; omitted by older pages).
 */
export async function mediaGrant(db: Db, callId: string, member: { id: string; displayName: string }, device?: string) {
  const call = await callForParty(db, callId, member.id);
  if (call.status === "ended") throw new DomainError("CONFLICT", "This call has ended.");
  if (call.status === "ringing" && call.calleeId === member.id) throw new DomainError("FORBIDDEN", "Answer the call first.");
  // The callee's other devices stay out: a second one joining would talk over the first, and leaving would end the call.
  if (call.calleeId === member.id && device !== undefined && call.answeredDevice !== null && call.answeredDevice !== device)
    throw new DomainError("FORBIDDEN", "This call was answered on another device.");
  const room = roomName(call.id);
  // Creating an existing room returns it: both parties may ask.
  await createRoom(room, CALL_ROOM_MAX);
  const token = await mintToken({ identity: member.id, name: member.displayName, room, video: call.kind === "video" });
  return { url: env().LIVEKIT_URL, token, room, identity: member.id };
}

/**
 * A page where the call rings joins its room before the member answers, so that answering costs no
 * connection or negotiation. It is hidden: the caller's page does not see it, so it cannot subscribe
 * to what it publishes, and both pages hold their tracks (send nothing) until the call is answered
 * (components/calls/media-hold.ts). Only while the call rings this member, on this device when its
 * devices ring in turn; `answeredHere` shows the page that answered.
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
  const token = await mintToken({ identity, name: member.displayName, room, video: call.kind === "video", waiting: true });
  return { url: env().LIVEKIT_URL, token, room, identity };
}

/**
 * The callee answered on the page `tab`: that page, already in the room, may now send and receive.
 * The other pages that rang leave (theirs is told the call was answered too; this makes sure). False
 * when the page is not in the room: it then joins with `mediaGrant`.
 */
export async function answeredHere(callId: string, memberId: string, tab: string, video: boolean): Promise<boolean> {
  const room = roomName(callId);
  const identity = ringIdentity(memberId, tab);
  const allowed = await allowIntoCall(room, identity, video);
  void roomIdentities(room)
    .then((ids) => ids.filter((id) => id !== identity && memberOfIdentity(id).ringer))
    .then((others) => Promise.all(others.map((id) => removeFromRoom(room, id))))
    .catch(() => undefined);
  return allowed;
}
