import { AccessToken, RoomServiceClient, TrackSource, WebhookReceiver } from "livekit-server-sdk";
import { env } from "../env";

/** A call's room: one per call, named after it. */
export const roomName = (callId: string) => `call-${callId}`;
export const callIdOfRoom = (room: string) => (room.startsWith("call-") ? room.slice(5) : null);

/** Minutes, not hours: a token only has to last until the browser has joined. */
export const TOKEN_TTL_SECONDS = 5 * 60;

/** A token for one identity in one room, publishing only what the call is for (a group's room: screens too). */
export async function mintToken(input: {
  identity: string;
  name: string;
  room: string;
  video: boolean;
  screen?: boolean;
}): Promise<string> {
  const e = env();
  const at = new AccessToken(e.LIVEKIT_API_KEY, e.LIVEKIT_API_SECRET, {
    identity: input.identity,
    name: input.name,
    ttl: TOKEN_TTL_SECONDS,
  });
  at.addGrant({
    roomJoin: true,
    room: input.room,
    canPublish: true,
    canSubscribe: true,
    canPublishData: false,
    canPublishSources: [
      ...(input.video ? [TrackSource.CAMERA] : []),
      TrackSource.MICROPHONE,
      ...(input.screen ? [TrackSource.SCREEN_SHARE, TrackSource.SCREEN_SHARE_AUDIO] : []),
    ],
  });
  return at.toJwt();
}

let rooms: RoomServiceClient | undefined;
function roomService(): RoomServiceClient {
  const e = env();
  rooms ??= new RoomServiceClient(e.livekitApiUrl, e.LIVEKIT_API_KEY, e.LIVEKIT_API_SECRET);
  return rooms;
}

/** Two people at most (a call), or `max` (a group's room); the room closes soon after everyone has left. */
export async function createRoom(name: string, max = 2): Promise<void> {
  await roomService().createRoom({ name, maxParticipants: max, emptyTimeout: 60, departureTimeout: 10 });
}

/** Takes someone out of a room; someone not in it (or a room that is gone) is fine. */
export async function removeFromRoom(room: string, identity: string): Promise<void> {
  try {
    await roomService().removeParticipant(room, identity);
  } catch (err) {
    if (!/not found|404|does not exist/i.test(String((err as Error).message))) throw err;
  }
}

/** Who is in a room now (their identities); an absent room is empty. */
export async function roomIdentities(name: string): Promise<string[]> {
  try {
    return (await roomService().listParticipants(name)).map((p) => p.identity);
  } catch (err) {
    if (/not found|404|does not exist/i.test(String((err as Error).message))) return [];
    throw err;
  }
}

/** Ends the media for everyone still in it; a room that is already gone is fine. */
export async function deleteRoom(name: string): Promise<void> {
  try {
    await roomService().deleteRoom(name);
  } catch (err) {
    if (!/not found|404/i.test(String((err as Error).message))) throw err;
  }
}

let receiver: WebhookReceiver | undefined;
/** Verifies the signature over the exact body; throws when it does not match. */
export function receiveWebhook(body: string, authorization: string | null) {
  const e = env();
  receiver ??= new WebhookReceiver(e.LIVEKIT_API_KEY, e.LIVEKIT_API_SECRET);
  return receiver.receive(body, authorization ?? undefined);
}
