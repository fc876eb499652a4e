"use client";

import { type RemoteParticipant, type RemoteTrackPublication, type Room, RoomEvent } from "livekit-client";

/**
 * Published but not sent: a page where a call rings negotiates its tracks while it rings, so that
 * answering costs no negotiation, and nothing leaves the device until the member answers. Setting
 * the sender's track back is immediate: no signalling, the next frame goes out. (The caller's side is
 * kept from a ringing page by the server: such a page may not receive, lib/calls/media.ts.)
 */
export async function holdSending(room: Room, hold: boolean): Promise<void> {
  await Promise.all(
    [...room.localParticipant.trackPublications.values()].map(async (pub) => {
      const track = pub.track;
      const sender = track?.sender;
      if (!track || !sender) return;
      const want = hold ? null : track.mediaStreamTrack;
      if (sender.track !== want) await sender.replaceTrack(want).catch(() => undefined);
    }),
  );
}

/**
 * Rooms are joined without automatic subscription: pages that wait in a call's room while it rings
 * are hidden, and a track of someone the page cannot see would be dropped, and never delivered once
 * they are let in. Whatever a visible participant publishes is subscribed here instead.
 */
export function subscribeToVisible(room: Room): void {
  const take = (pub: RemoteTrackPublication) => {
    if (!pub.isSubscribed) pub.setSubscribed(true);
  };
  room.on(RoomEvent.TrackPublished, (pub: RemoteTrackPublication) => take(pub));
  room.on(RoomEvent.ParticipantConnected, (p: RemoteParticipant) => p.trackPublications.forEach(take));
  room.on(RoomEvent.Connected, () => room.remoteParticipants.forEach((p) => p.trackPublications.forEach(take)));
}
