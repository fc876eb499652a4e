import type { WebhookEvent } from "livekit-server-sdk";
import { callIdOfRoom } from "../livekit";

/**
 * A track published in a personal call's room without end-to-end encryption, as LiveKit reports it
 * (`track_published`): who must leave the room. Pages where the call rings receive the caller's media
 * before the answer, trusting it to be sealed with the call's key (media-key.ts); a page that sends in
 * the clear (a bug, an old or altered client) would show itself to a member who has not answered.
 * The portal's pages encrypt before they publish, so this should never match. (Encryption_Type NONE
 * is 0, LiveKit's default.)
 */
export function unsealedCallTrack(event: WebhookEvent): { room: string; identity: string } | null {
  if (event.event !== "track_published" || !event.room || !event.participant || !event.track) return null;
  if (!callIdOfRoom(event.room.name)) return null;
  return event.track.encryption ? null : { room: event.room.name, identity: event.participant.identity };
}
