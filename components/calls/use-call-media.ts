"use client";

import {
  ConnectionQuality,
  createLocalTracks,
  type Participant,
  type RemoteTrack,
  Room,
  RoomEvent,
  Track,
  type TrackPublication,
} from "livekit-client";
import { useCallback, useEffect, useRef, useState } from "react";
import { apiSend } from "../api";
import { deviceId } from "../presence/presence-client";
import { subscribeToVisible } from "./media-hold";
import { CALL_CONNECT_OPTIONS, CALL_ROOM_OPTIONS, releaseWaitingRoom, takeWaitingRoom } from "./waiting-room";

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
  const [rejoin, setRejoin] = useState(0);
  // Read when a notice is written, not a reason to join again: a forwarded call changes who the other
  // party is while the caller stays in the room (leaving it would end the call).
  const otherName = useRef(opts.otherName);
  otherName.current = opts.otherName;

  useEffect(() => {
    if (!opts.join) return;
    let cancelled = false;
    // A call answered on this page already has its room, connected while it rang (waiting-room.ts).
    const adopted = takeWaitingRoom(opts.callId);
    const room = adopted?.room ?? new Room(CALL_ROOM_OPTIONS);
    if (!adopted) subscribeToVisible(room);
    roomRef.current = room;
    const attachLocal = () => {
      const cam = room.localParticipant.getTrackPublication(Track.Source.Camera)?.track;
      if (cam && localVideoEl.current) cam.attach(localVideoEl.current);
    };
    const onSubscribed = (track: RemoteTrack) => {
      if (track.kind === Track.Kind.Video && remoteVideoEl.current) {
        track.attach(remoteVideoEl.current);
        patch({ remoteVideo: true });
      }
      if (track.kind === Track.Kind.Audio && remoteAudioEl.current) track.attach(remoteAudioEl.current);
    };
    const onUnsubscribed = (track: RemoteTrack) => {
      track.detach();
      if (track.kind === Track.Kind.Video) patch({ remoteVideo: false });
    };
    const onMuted = (pub: TrackPublication, p: Participant) => {
      if (p !== room.localParticipant && pub.kind === Track.Kind.Video) patch({ remoteVideo: false });
    };
    const onUnmuted = (pub: TrackPublication, p: Participant) => {
      if (p !== room.localParticipant && pub.kind === Track.Kind.Video) patch({ remoteVideo: true });
    };
    const onQuality = (q: ConnectionQuality, p: Participant) => {
      const who = p === room.localParticipant ? "Your" : `${otherName.current}'s`;
      if (q === ConnectionQuality.Poor) patch({ notice: `${who} connection is poor: video may stutter.` });
      else if (q === ConnectionQuality.Lost) patch({ notice: `${who} connection was lost; waiting for it to come back…` });
      else patch({ notice: null });
    };
    const onLeft = () => patch({ notice: `${otherName.current}'s connection dropped.`, remoteVideo: false });
    const clearNotice = () => patch({ notice: null });
    const onReconnecting = () => patch({ notice: "Your connection dropped; reconnecting…" });
    room
      .on(RoomEvent.TrackSubscribed, onSubscribed)
      .on(RoomEvent.TrackUnsubscribed, onUnsubscribed)
      .on(RoomEvent.TrackMuted, onMuted)
      .on(RoomEvent.TrackUnmuted, onUnmuted)
      .on(RoomEvent.LocalTrackPublished, attachLocal)
      .on(RoomEvent.ConnectionQualityChanged, onQuality)
      .on(RoomEvent.ParticipantDisconnected, onLeft)
      .on(RoomEvent.ParticipantConnected, clearNotice)
      .on(RoomEvent.Reconnecting, onReconnecting)
      .on(RoomEvent.Reconnected, clearNotice);
    const unwire = () =>
      room
        .off(RoomEvent.TrackSubscribed, onSubscribed)
        .off(RoomEvent.TrackUnsubscribed, onUnsubscribed)
        .off(RoomEvent.TrackMuted, onMuted)
        .off(RoomEvent.TrackUnmuted, onUnmuted)
        .off(RoomEvent.LocalTrackPublished, attachLocal)
        .off(RoomEvent.ConnectionQualityChanged, onQuality)
        .off(RoomEvent.ParticipantDisconnected, onLeft)
        .off(RoomEvent.ParticipantConnected, clearNotice)
        .off(RoomEvent.Reconnecting, onReconnecting)
        .off(RoomEvent.Reconnected, clearNotice);

    const fail = (err: unknown) => {
      if (!cancelled) patch({ error: `Could not connect the call's media: ${(err as Error).message}` });
    };
    if (adopted) {
      // What arrived before this page mounted: the other party's tracks, our own camera.
      for (const p of room.remoteParticipants.values())
        for (const pub of p.trackPublications.values()) if (pub.track && pub.isSubscribed) onSubscribed(pub.track);
      attachLocal();
      void adopted.outcome?.then(async (outcome) => {
        // Out: accepted, but this page was not in the room in time; it joins anew (this effect again).
        if (outcome === "out" && !cancelled) return setRejoin((n) => n + 1);
        if (outcome !== "in") return;
        const ok = await adopted.live;
        if (cancelled) return;
        attachLocal();
        if (ok) patch({ connected: true });
        else fail(new Error("your camera or microphone did not start"));
      });
    } else {
      void (async () => {
        try {
          // The camera and microphone start while the token is fetched and the room connects: on
          // accept, each of these takes hundreds of milliseconds, and they do not depend on each other.
          const tracksP = createLocalTracks({ audio: true, video: opts.video });
          const url = opts.tokenUrl ?? `/api/calls/${opts.callId}/token?device=${encodeURIComponent(deviceId())}`;
          const grant = await apiSend<{ url: string; token: string }>("POST", url);
          if (cancelled) return;
          await room.connect(grant.url, grant.token, CALL_CONNECT_OPTIONS);
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
          fail(err);
        }
      })();
    }
    return () => {
      cancelled = true;
      unwire();
      roomRef.current = null;
      if (adopted) releaseWaitingRoom(adopted);
      else void room.disconnect();
    };
  }, [opts.join, opts.callId, opts.video, opts.tokenUrl, rejoin]);

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
