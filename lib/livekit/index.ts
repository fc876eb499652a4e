import { AccessToken, RoomServiceClient, TrackSource, WebhookReceiver } from "livekit-server-sdk";
import { env } from "../env";

/** A call's room: one per call, named after it. */
export const roomName = (callId: string) => `call-${callId}`;
export const callIdOfRoom = (room: string) => (room.startsWith("call-") ? room.slice(5) : null);

/**
 * A device that rings joins the call's room before anyone answers, as `<member>:ring:<tab>`, hidden
 * from the others and receiving nothing until it answers (lib/calls/media.ts).
 * Member ids never hold a colon; the tab is the page's own random id.
 */
export const ringIdentity = (memberId: string, tab: string) => `${memberId}:ring:${tab}`;
export function memberOfIdentity(identity: string): { memberId: string; ringer: boolean } {
  const at = identity.indexOf(":ring:");
  return at < 0 ? { memberId: identity, ringer: false } : { memberId: identity.slice(0, at), ringer: true };
}

/** Minutes, not hours: a token only has to last until the browser has joined. */
export const TOKEN_TTL_SECONDS = 5 * 60;

/** A token for one identity in one room, publishing only what the call is for (a group's room: screens too). */
export async function mintToken(input: {
  identity: string;
  name: string;
  room: string;
  video: boolean;
  screen?: boolean;
  /**
   * Joins hidden from the others and receiving nothing until `allowIntoCall` lets it in; the token
   * lasts `ttlSeconds` (a ring's remaining time), so a page sent away cannot come back with it.
   */
  waiting?: { ttlSeconds: number };
}): Promise<string> {
  const e = env();
  const at = new AccessToken(e.LIVEKIT_API_KEY, e.LIVEKIT_API_SECRET, {
    identity: input.identity,
    name: input.name,
    ttl: input.waiting?.ttlSeconds ?? TOKEN_TTL_SECONDS,
  });
  const waiting = input.waiting !== undefined;
  at.addGrant({
    roomJoin: true,
    room: input.room,
    canPublish: true,
    canSubscribe: !waiting,
    canPublishData: false,
    hidden: waiting,
    canPublishSources: publishSources(input.video, input.screen ?? false),
  });
  return at.toJwt();
}

function publishSources(video: boolean, screen: boolean): TrackSource[] {
  return [
    ...(video ? [TrackSource.CAMERA] : []),
    TrackSource.MICROPHONE,
    ...(screen ? [TrackSource.SCREEN_SHARE, TrackSource.SCREEN_SHARE_AUDIO] : []),
  ];
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

/**
 * Lets a participant who joined `waiting` into the call: seen by the others, receiving what they
 * send (permissions are replaced whole, so the rest is restated). False when they are not in the
 * room (their page never connected, or left): the page then joins the ordinary way.
 */
export async function allowIntoCall(room: string, identity: string, video: boolean): Promise<boolean> {
  try {
    await roomService().updateParticipant(room, identity, {
      permission: {
        canPublish: true,
        canSubscribe: true,
        canPublishData: false,
        hidden: false,
        canPublishSources: publishSources(video, false),
      },
    });
    return true;
  } catch (err) {
    if (/not found|404|does not exist/i.test(String((err as Error).message))) return false;
    throw err;
  }
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

/** Who the others in a room can see (not hidden); an absent room is empty. */
export async function visibleIdentities(name: string): Promise<string[]> {
  try {
    return (await roomService().listParticipants(name)).filter((p) => !p.permission?.hidden).map((p) => p.identity);
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
