import { callDeps } from "@/app/api/calls/_deps";
import { mediaEvent } from "@/lib/calls/service";
import { DomainError } from "@/lib/errors";
import { readTextLimited } from "@/lib/http/read-body";
import { errorResponse, json } from "@/lib/http/respond";
import { bus } from "@/lib/bus";
import { announceGroup } from "@/lib/groups/membership";
import { groupIdOfRoom } from "@/lib/groups/room";
import { callIdOfRoom, memberOfIdentity, receiveWebhook } from "@/lib/livekit";
import { callIdOfMallRoom } from "@/lib/mall/calls";
import { mallMediaLeft } from "@/lib/mall/media-left";

/**
 * LiveKit's webhooks: who joined and left each call's room. Public, so the
 * signature (a JWT over the exact body's hash) is the only way in.
 */
export async function POST(req: Request) {
  try {
    const body = await readTextLimited(req, 64 * 1024, "The webhook body");
    let event;
    try {
      event = await receiveWebhook(body, req.headers.get("authorization"));
    } catch {
      throw new DomainError("UNAUTHENTICATED", "The webhook signature does not match");
    }
    const callId = event.room ? callIdOfRoom(event.room.name) : null;
    const memberId = event.participant?.identity;
    if (callId && event.participant) {
      const kind =
        event.event === "participant_joined"
          ? "joined"
          : event.event === "participant_left" || event.event === "participant_connection_aborted"
            ? "left"
            : null;
      const who = memberOfIdentity(event.participant.identity);
      // A page that waited in the room while it rang counts once it answered (it is no longer hidden).
      const inCall = !who.ringer || event.participant.permission?.hidden === false;
      if (kind && inCall) await mediaEvent(await callDeps(), { callId, memberId: who.memberId, event: kind });
    }
    // A mall call ends when either side's media leaves its room (a closed tab, a lost connection).
    const mallCallId = event.room ? callIdOfMallRoom(event.room.name) : null;
    const left = event.event === "participant_left" || event.event === "participant_connection_aborted";
    if (mallCallId && memberId && left) await mallMediaLeft(await callDeps(), mallCallId, memberId);
    // Someone came into or left a group's room: its members' pages show who is in it.
    const groupId = event.room ? groupIdOfRoom(event.room.name) : null;
    if (groupId && (event.event === "participant_joined" || left)) await announceGroup({ db: (await callDeps()).db, bus: bus() }, groupId);
    return json({ ok: true });
  } catch (err) {
    return errorResponse(err);
  }
}
