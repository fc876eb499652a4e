import type { Db } from "../db/client";
import { DomainError } from "../errors";
import { env } from "../env";
import { createRoom, mintToken, roomName } from "../livekit";
import { callForParty } from "./service";

/**
 * Where and how a party joins the call's media. The caller may join while it
 * rings (so media flows the moment the callee accepts); the callee once accepted.
 */
export async function mediaGrant(db: Db, callId: string, member: { id: string; displayName: string }) {
  const call = await callForParty(db, callId, member.id);
  if (call.status === "ended") throw new DomainError("CONFLICT", "This call has ended.");
  if (call.status === "ringing" && call.calleeId === member.id) throw new DomainError("FORBIDDEN", "Answer the call first.");
  const room = roomName(call.id);
  // Creating an existing room returns it: both parties may ask.
  await createRoom(room);
  const token = await mintToken({ identity: member.id, name: member.displayName, room, video: call.kind === "video" });
  return { url: env().LIVEKIT_URL, token, room, identity: member.id };
}
