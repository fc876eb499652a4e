"use client";

import { type LocalTrack, type Participant, type RemoteTrack, Room, RoomEvent, Track } from "livekit-client";
import { useCallback, useEffect, useRef, useState } from "react";
import { takeRoomGrant } from "./room-grant";

export type RoomState = {
  connected: boolean;
  micOn: boolean;
  cameraOn: boolean;
  sharing: boolean;
  /** Identities of who speaks now, loudest first. */
  speakers: string[];
  notice: string | null;
  error: string | null;
};

/**
 * The group's LiveKit room while `joined`: publishes the tracks made in the preview (camera and
 * microphone, so the browser does not ask twice), shares a screen on demand, and re-renders on
 * every change of who is there and what they send (`version`).
 */
export function useGroupRoom(handle: string, joined: boolean, preview: LocalTrack[]) {
  const roomRef = useRef<Room | null>(null);
  const [version, setVersion] = useState(0);
  const bump = useCallback(() => setVersion((v) => v + 1), []);
  const [state, setState] = useState<RoomState>({
    connected: false,
    micOn: true,
    cameraOn: true,
    sharing: false,
    speakers: [],
    notice: null,
    error: null,
  });
  const patch = (p: Partial<RoomState>) => setState((s) => ({ ...s, ...p }));

  useEffect(() => {
    if (!joined) return;
    let cancelled = false;
    // Many people: video is sent in layers and each receiver gets the size it shows.
    const room = new Room({ adaptiveStream: true, dynacast: true });
    roomRef.current = room;
    room
      .on(RoomEvent.ParticipantConnected, bump)
      .on(RoomEvent.ParticipantDisconnected, bump)
      .on(RoomEvent.TrackSubscribed, (_t: RemoteTrack) => bump())
      .on(RoomEvent.TrackUnsubscribed, (t: RemoteTrack) => {
        t.detach();
        bump();
      })
      .on(RoomEvent.TrackMuted, bump)
      .on(RoomEvent.TrackUnmuted, bump)
      .on(RoomEvent.LocalTrackPublished, bump)
      .on(RoomEvent.LocalTrackUnpublished, (pub) => {
        if (pub.source === Track.Source.ScreenShare) patch({ sharing: false });
        bump();
      })
      .on(RoomEvent.ActiveSpeakersChanged, (ps: Participant[]) => patch({ speakers: ps.map((p) => p.identity) }))
      .on(RoomEvent.Reconnecting, () => patch({ notice: "Your connection dropped; reconnecting…" }))
      .on(RoomEvent.Reconnected, () => patch({ notice: null }))
      .on(RoomEvent.Disconnected, () => {
        if (!cancelled) patch({ connected: false, notice: "You are no longer in the room." });
      });
    void (async () => {
      try {
        const grant = await takeRoomGrant(handle);
        if (cancelled) return;
        // The public STUN servers are out of reach on a closed network; the server's own candidates suffice.
        await room.connect(grant.url, grant.token, { rtcConfig: { iceServers: [] } });
        if (cancelled) return void room.disconnect();
        await Promise.all(preview.map((t) => room.localParticipant.publishTrack(t)));
        patch({
          connected: true,
          micOn: preview.some((t) => t.kind === Track.Kind.Audio && !t.isMuted),
          cameraOn: preview.some((t) => t.kind === Track.Kind.Video && !t.isMuted),
        });
        bump();
      } catch (err) {
        if (!cancelled) patch({ error: `Could not join the room: ${(err as Error).message}` });
      }
    })();
    return () => {
      cancelled = true;
      void room.disconnect();
      roomRef.current = null;
    };
    // The preview's tracks are published once, when joining.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [joined, handle]);

  const toggleMic = useCallback(async () => {
    const lp = roomRef.current?.localParticipant;
    if (!lp) return;
    await lp.setMicrophoneEnabled(!lp.isMicrophoneEnabled);
    patch({ micOn: lp.isMicrophoneEnabled });
  }, []);
  const toggleCamera = useCallback(async () => {
    const lp = roomRef.current?.localParticipant;
    if (!lp) return;
    await lp.setCameraEnabled(!lp.isCameraEnabled);
    patch({ cameraOn: lp.isCameraEnabled });
    bump();
  }, [bump]);
  const toggleShare = useCallback(async () => {
    const lp = roomRef.current?.localParticipant;
    if (!lp) return;
    try {
      await lp.setScreenShareEnabled(!lp.isScreenShareEnabled, { audio: true });
      patch({ sharing: lp.isScreenShareEnabled, notice: null });
    } catch (err) {
      // The person closed the browser's picker, or the browser cannot share a screen.
      patch({ notice: `The screen is not shared: ${(err as Error).message}` });
    }
    bump();
  }, [bump]);

  return { room: roomRef.current, state, version, toggleMic, toggleCamera, toggleShare };
}
