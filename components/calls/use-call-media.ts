"use client";

import { ConnectionQuality, createLocalTracks, type Participant, type RemoteTrack, Room, RoomEvent, Track } from "livekit-client";
import { useCallback, useEffect, useRef, useState } from "react";
import { apiSend } from "../api";

export type MediaState = {
  connected: boolean;
  micOn: boolean;
  cameraOn: boolean;
  /** A line for the other side's or our own connection trouble, or null. */
  notice: string | null;
  remoteVideo: boolean;
  error: string | null;
};

/**
 * Joins the call's LiveKit room while `join` is true, publishes the microphone
 * (and camera for a video call) and attaches what the other party sends.
 */
export function useCallMedia(opts: { callId: string; join: boolean; video: boolean; otherName: string; tokenUrl?: string }) {
  const roomRef = useRef<Room | null>(null);
  const remoteVideoEl = useRef<HTMLVideoElement>(null);
  const remoteAudioEl = useRef<HTMLAudioElement>(null);
  const localVideoEl = useRef<HTMLVideoElement>(null);
  const [state, setState] = useState<MediaState>({
    connected: false,
    micOn: true,
    cameraOn: opts.video,
    notice: null,
    remoteVideo: false,
    error: null,
  });
  const patch = (p: Partial<MediaState>) => setState((s) => ({ ...s, ...p }));
  // Read when a notice is written, not a reason to join again: a forwarded call changes who the other
  // party is while the caller stays in the room (leaving it would end the call).
  const otherName = useRef(opts.otherName);
  otherName.current = opts.otherName;

  useEffect(() => {
    if (!opts.join) return;
    let cancelled = false;
    // adaptiveStream would pause video in hidden or small elements: a call shows the other party at once.
    const room = new Room({ adaptiveStream: false, dynacast: true });
    roomRef.current = room;
    const attachLocal = () => {
      const cam = room.localParticipant.getTrackPublication(Track.Source.Camera)?.track;
      if (cam && localVideoEl.current) cam.attach(localVideoEl.current);
    };
    room
      .on(RoomEvent.TrackSubscribed, (track: RemoteTrack) => {
        if (track.kind === Track.Kind.Video && remoteVideoEl.current) {
          track.attach(remoteVideoEl.current);
          patch({ remoteVideo: true });
        }
        if (track.kind === Track.Kind.Audio && remoteAudioEl.current) track.attach(remoteAudioEl.current);
      })
      .on(RoomEvent.TrackUnsubscribed, (track: RemoteTrack) => {
        track.detach();
        if (track.kind === Track.Kind.Video) patch({ remoteVideo: false });
      })
      .on(RoomEvent.TrackMuted, (pub, p) => {
        if (p !== room.localParticipant && pub.kind === Track.Kind.Video) patch({ remoteVideo: false });
      })
      .on(RoomEvent.TrackUnmuted, (pub, p) => {
        if (p !== room.localParticipant && pub.kind === Track.Kind.Video) patch({ remoteVideo: true });
      })
      .on(RoomEvent.LocalTrackPublished, attachLocal)
      .on(RoomEvent.ConnectionQualityChanged, (q: ConnectionQuality, p: Participant) => {
        const who = p === room.localParticipant ? "Your" : `${otherName.current}'s`;
        if (q === ConnectionQuality.Poor) patch({ notice: `${who} connection is poor: video may stutter.` });
        else if (q === ConnectionQuality.Lost) patch({ notice: `${who} connection was lost; waiting for it to come back…` });
        else patch({ notice: null });
      })
      .on(RoomEvent.ParticipantDisconnected, () => patch({ notice: `${otherName.current}'s connection dropped.`, remoteVideo: false }))
      .on(RoomEvent.ParticipantConnected, () => patch({ notice: null }))
      .on(RoomEvent.Reconnecting, () => patch({ notice: "Your connection dropped; reconnecting…" }))
      .on(RoomEvent.Reconnected, () => patch({ notice: null }));

    void (async () => {
      try {
        // The camera and microphone start while the token is fetched and the room connects: on
        // accept, each of these takes hundreds of milliseconds, and they do not depend on each other.
        const tracksP = createLocalTracks({ audio: true, video: opts.video });
        const grant = await apiSend<{ url: string; token: string }>("POST", opts.tokenUrl ?? `/api/calls/${opts.callId}/token`);
        if (cancelled) return;
        // The public STUN servers LiveKit suggests are out of reach on a closed network; the server's own candidates suffice.
        await room.connect(grant.url, grant.token, { rtcConfig: { iceServers: [] } });
        const tracks = await tracksP;
        if (cancelled) {
          for (const t of tracks) t.stop();
          return void room.disconnect();
        }
        await Promise.all(tracks.map((t) => room.localParticipant.publishTrack(t)));
        attachLocal();
        // Only now: a mute or camera toggle before the tracks are published would be undone by publishing them.
        patch({ connected: true });
      } catch (err) {
        if (!cancelled) patch({ error: `Could not connect the call's media: ${(err as Error).message}` });
      }
    })();
    return () => {
      cancelled = true;
      void room.disconnect();
      roomRef.current = null;
    };
  }, [opts.join, opts.callId, opts.video, opts.tokenUrl]);

  const toggleMic = useCallback(async () => {
    const room = roomRef.current;
    if (!room) return;
    const on = !room.localParticipant.isMicrophoneEnabled;
    await room.localParticipant.setMicrophoneEnabled(on);
    patch({ micOn: on });
  }, []);

  const toggleCamera = useCallback(async () => {
    const room = roomRef.current;
    if (!room) return;
    const on = !room.localParticipant.isCameraEnabled;
    await room.localParticipant.setCameraEnabled(on);
    if (on) room.localParticipant.getTrackPublication(Track.Source.Camera)?.track?.attach(localVideoEl.current!);
    patch({ cameraOn: on });
  }, []);

  const devices = useCallback(async (kind: MediaDeviceKind) => Room.getLocalDevices(kind), []);
  const switchDevice = useCallback(async (kind: MediaDeviceKind, deviceId: string) => {
    await roomRef.current?.switchActiveDevice(kind, deviceId);
  }, []);

  const leave = useCallback(async () => {
    await roomRef.current?.disconnect();
  }, []);

  return { state, remoteVideoEl, remoteAudioEl, localVideoEl, toggleMic, toggleCamera, devices, switchDevice, leave };
}
