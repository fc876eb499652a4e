"use client";

import type { Participant, Track, TrackPublication } from "livekit-client";
import { Track as T } from "livekit-client";
import { useEffect, useRef } from "react";
import { Avatar } from "../avatar";

/** One participant's camera (or screen), with their name; their initials while no video comes. */
export function VideoTile({
  participant,
  source,
  local,
  speaking,
  large = false,
  version,
}: {
  participant: Participant;
  source: Track.Source;
  local: boolean;
  speaking: boolean;
  large?: boolean;
  version: number;
}) {
  const video = useRef<HTMLVideoElement>(null);
  const pub: TrackPublication | undefined = participant.getTrackPublication(source);
  const track = pub?.track;
  const showing = !!track && !pub?.isMuted;
  useEffect(() => {
    const el = video.current;
    if (!el || !track || !showing) return;
    track.attach(el);
    return () => {
      track.detach(el);
    };
  }, [track, showing, version]);
  const name = participant.name || participant.identity;
  const screen = source === T.Source.ScreenShare;
  return (
    <figure
      className={`relative flex min-h-0 items-center justify-center overflow-hidden rounded-xl bg-slate-800 ${large ? "h-full" : "aspect-video"} ${
        speaking ? "ring-4 ring-emerald-400" : ""
      }`}
      data-testid={local ? "room-tile-local" : "room-tile"}
      data-identity={participant.identity}
      data-source={screen ? "screen" : "camera"}
    >
      {showing ? (
        <video
          ref={video}
          autoPlay
          playsInline
          muted={local}
          className={`h-full w-full ${screen ? "object-contain" : "object-cover"} ${local && !screen ? "-scale-x-100" : ""}`}
          data-testid={local ? undefined : "room-video"}
        />
      ) : (
        <Avatar name={name} photoUrl={null} size={large ? 96 : 56} />
      )}
      <figcaption className="absolute bottom-2 left-2 rounded bg-slate-950/70 px-2 py-0.5 text-sm text-white">
        {screen ? `${name}'s screen` : local ? `${name} (you)` : name}
        {!screen && participant.isMicrophoneEnabled === false && <span className="ml-1">· muted</span>}
      </figcaption>
    </figure>
  );
}

/** Plays everyone else's sound (microphone and shared screen audio); nothing to see. */
export function RemoteAudio({ participant, version }: { participant: Participant; version: number }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const tracks = [...participant.trackPublications.values()].map((p) => p.track).filter((t) => t && t.kind === T.Kind.Audio);
    const els = tracks.map((t) => t!.attach());
    for (const a of els) el.appendChild(a);
    return () => {
      for (const t of tracks) t!.detach();
      for (const a of els) a.remove();
    };
  }, [participant, version]);
  return <div ref={box} hidden data-testid="room-audio" />;
}
