"use client";

import { createLocalTracks, type LocalTrack, type Participant, Track } from "livekit-client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import type { GroupView } from "@/lib/groups/get-group";
import { useGroup } from "./use-group";
import { prefetchRoomGrant } from "./room-grant";
import { useGroupRoom } from "./use-group-room";
import { RemoteAudio, VideoTile } from "./video-tile";

const ctl =
  "rounded-full px-4 py-2.5 text-sm font-semibold focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-white disabled:opacity-50";

/** Columns for n tiles: one, two, then a square-ish grid up to 4 × 4. */
const cols = (n: number) => (n <= 1 ? 1 : n <= 4 ? 2 : n <= 9 ? 3 : 4);

/** The group's video room: a preview of one's camera and microphone first, then everyone, in a grid or with the speaker large. */
export function GroupRoom({ initial, maxPeople }: { initial: GroupView; maxPeople: number }) {
  const { group } = useGroup(initial);
  const [tracks, setTracks] = useState<LocalTrack[] | null>(null);
  const [joined, setJoined] = useState(false);
  // Leaving the page turns the camera and microphone off, joined or not.
  const held = useRef<LocalTrack[] | null>(null);
  held.current = tracks;
  useEffect(() => () => held.current?.forEach((t) => t.stop()), []);
  const inRoom = (group.inRoom ?? []).map((id) => group.members?.find((m) => m.id === id)?.displayName ?? "Someone");
  return (
    <div className="mx-auto max-w-6xl" data-testid="group-room">
      <div className="mb-3 flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-bold tracking-tight">{group.name}: the room</h1>
        <Link href={`/${group.handle}`} className="text-sm font-medium text-brand-700 underline">
          Back to the group
        </Link>
      </div>
      {joined && tracks ? (
        <InRoom handle={group.handle} tracks={tracks} maxPeople={maxPeople} />
      ) : (
        <PreJoin handle={group.handle} inRoom={inRoom} maxPeople={maxPeople} onTracks={setTracks} onJoin={() => setJoined(true)} />
      )}
    </div>
  );
}

function PreJoin({
  handle,
  inRoom,
  maxPeople,
  onTracks,
  onJoin,
}: {
  handle: string;
  inRoom: string[];
  maxPeople: number;
  onTracks: (t: LocalTrack[]) => void;
  onJoin: () => void;
}) {
  const video = useRef<HTMLVideoElement>(null);
  const [local, setLocal] = useState<LocalTrack[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [camOn, setCamOn] = useState(true);
  const [micOn, setMicOn] = useState(true);
  // The room's grant is asked for while the person looks at themselves (room-grant.ts).
  useEffect(() => prefetchRoomGrant(handle), [handle]);
  useEffect(() => {
    let gone = false;
    createLocalTracks({ audio: true, video: true })
      .catch(async () => {
        setError("The camera could not be opened: you can join with your microphone only.");
        return createLocalTracks({ audio: true, video: false });
      })
      .then((t) => {
        if (gone) return t.forEach((x) => x.stop());
        setLocal(t);
        onTracks(t);
      })
      .catch(() => {
        setError("Neither camera nor microphone could be opened: you can still join to watch and listen.");
        onTracks([]);
      });
    return () => {
      gone = true;
    };
    // Once per visit: the tracks are handed to the room when joining.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  // Again when the camera comes back on: its <video> element is a new one.
  useEffect(() => {
    const cam = local?.find((t) => t.kind === Track.Kind.Video);
    if (cam && camOn && video.current) cam.attach(video.current);
  }, [local, camOn]);
  const toggle = async (kind: Track.Kind, on: boolean) => {
    const t = local?.find((x) => x.kind === kind);
    if (!t) return;
    if (on) await t.unmute();
    else await t.mute();
    if (kind === Track.Kind.Video) setCamOn(on);
    else setMicOn(on);
  };
  const hasCam = !!local?.some((t) => t.kind === Track.Kind.Video);
  return (
    <div className="grid gap-6 md:grid-cols-[3fr_2fr]">
      <div className="relative aspect-video overflow-hidden rounded-2xl bg-slate-900">
        {hasCam && camOn ? (
          <video ref={video} autoPlay playsInline muted className="h-full w-full -scale-x-100 object-cover" data-testid="room-preview" />
        ) : (
          <p className="flex h-full items-center justify-center text-slate-200">{local ? "Camera off" : "Opening your camera…"}</p>
        )}
        <div className="absolute bottom-3 left-0 right-0 flex justify-center gap-2">
          <button
            type="button"
            className={`${ctl} ${micOn ? "bg-slate-950/80 text-white" : "bg-white text-slate-900"}`}
            onClick={() => void toggle(Track.Kind.Audio, !micOn)}
            aria-pressed={!micOn}
          >
            {micOn ? "Mute" : "Unmute"}
          </button>
          {hasCam && (
            <button
              type="button"
              className={`${ctl} ${camOn ? "bg-slate-950/80 text-white" : "bg-white text-slate-900"}`}
              onClick={() => void toggle(Track.Kind.Video, !camOn)}
              aria-pressed={!camOn}
            >
              {camOn ? "Camera off" : "Camera on"}
            </button>
          )}
        </div>
      </div>
      <div className="space-y-4">
        <div className="rounded-2xl border border-slate-200 bg-white p-4" data-testid="room-now">
          <h2 className="font-semibold">In the room now</h2>
          {inRoom.length === 0 ? (
            <p className="mt-1 text-sm text-slate-700">Nobody yet: you will be the first.</p>
          ) : (
            <ul className="mt-1 text-sm text-slate-800">
              {inRoom.map((n, i) => (
                <li key={i}>{n}</li>
              ))}
            </ul>
          )}
          <p className="mt-2 text-xs text-slate-600">Up to {maxPeople} people at once.</p>
        </div>
        {error && (
          <p role="status" className="rounded-xl bg-amber-50 p-3 text-sm text-amber-900">
            {error}
          </p>
        )}
        <button
          type="button"
          onClick={onJoin}
          disabled={!local && !error}
          className="w-full rounded-xl bg-emerald-700 px-5 py-3 text-lg font-semibold text-white hover:bg-emerald-800 disabled:opacity-60"
          data-testid="room-join"
        >
          Join the room
        </button>
      </div>
    </div>
  );
}

function InRoom({ handle, tracks, maxPeople }: { handle: string; tracks: LocalTrack[]; maxPeople: number }) {
  const router = useRouter();
  const { room, state, version, toggleMic, toggleCamera, toggleShare } = useGroupRoom(handle, true, tracks);
  const [layout, setLayout] = useState<"grid" | "speaker">("grid");
  const people: Participant[] = room ? [room.localParticipant, ...room.remoteParticipants.values()] : [];
  const screens = people.filter((p) => p.getTrackPublication(Track.Source.ScreenShare)?.track);
  const speaker = people.find((p) => p.identity === state.speakers[0]) ?? screens[0] ?? people[1] ?? people[0];
  const tile = (p: Participant, source: Track.Source, large = false) => (
    <VideoTile
      key={`${p.identity}:${source}`}
      participant={p}
      source={source}
      local={p === room?.localParticipant}
      speaking={state.speakers.includes(p.identity)}
      large={large}
      version={version}
    />
  );
  const all = [...screens.map((p) => tile(p, Track.Source.ScreenShare)), ...people.map((p) => tile(p, Track.Source.Camera))];
  return (
    <div className="overflow-hidden rounded-2xl bg-slate-950 text-white" data-testid="room-stage" data-count={people.length}>
      <div className="flex items-center justify-between px-4 py-2 text-sm">
        <span aria-live="polite" data-testid="room-count">
          {state.connected ? `${people.length} of at most ${maxPeople} in the room` : "Joining…"}
        </span>
        <span role="group" aria-label="Layout" className="flex gap-1">
          {(["grid", "speaker"] as const).map((l) => (
            <button
              key={l}
              type="button"
              aria-pressed={layout === l}
              onClick={() => setLayout(l)}
              className={`rounded px-2 py-1 ${layout === l ? "bg-white text-slate-900" : "bg-white/10"}`}
            >
              {l === "grid" ? "Grid" : "Speaker"}
            </button>
          ))}
        </span>
      </div>
      {(state.notice || state.error) && (
        <p role="status" className="bg-amber-500/20 px-4 py-2 text-sm text-amber-100" data-testid="room-notice">
          {state.error ?? state.notice}
        </p>
      )}
      {layout === "grid" || !speaker ? (
        <div className="grid gap-2 p-2" style={{ gridTemplateColumns: `repeat(${cols(all.length)}, minmax(0, 1fr))` }}>
          {all}
        </div>
      ) : (
        <div className="flex flex-col gap-2 p-2">
          <div className="h-[55vh]">{tile(speaker, screens.includes(speaker) ? Track.Source.ScreenShare : Track.Source.Camera, true)}</div>
          <div className="grid grid-cols-3 gap-2 sm:grid-cols-6">
            {people.filter((p) => p !== speaker).map((p) => tile(p, Track.Source.Camera))}
          </div>
        </div>
      )}
      {room && [...room.remoteParticipants.values()].map((p) => <RemoteAudio key={p.identity} participant={p} version={version} />)}
      <div className="flex flex-wrap items-center justify-center gap-3 bg-slate-900 px-4 py-3">
        <button
          type="button"
          className={`${ctl} ${state.micOn ? "bg-white/15" : "bg-white text-slate-900"}`}
          disabled={!state.connected}
          onClick={() => void toggleMic()}
          aria-pressed={!state.micOn}
          data-testid="room-mic"
        >
          {state.micOn ? "Mute" : "Unmute"}
        </button>
        <button
          type="button"
          className={`${ctl} ${state.cameraOn ? "bg-white/15" : "bg-white text-slate-900"}`}
          disabled={!state.connected}
          onClick={() => void toggleCamera()}
          aria-pressed={!state.cameraOn}
          data-testid="room-camera"
        >
          {state.cameraOn ? "Camera off" : "Camera on"}
        </button>
        <button
          type="button"
          className={`${ctl} ${state.sharing ? "bg-white text-slate-900" : "bg-white/15"}`}
          disabled={!state.connected}
          onClick={() => void toggleShare()}
          aria-pressed={state.sharing}
          data-testid="room-share"
        >
          {state.sharing ? "Stop sharing" : "Share screen"}
        </button>
        <button
          type="button"
          className={`${ctl} bg-rose-600 hover:bg-rose-700`}
          onClick={() => router.push(`/${handle}`)}
          data-testid="room-leave"
        >
          Leave
        </button>
      </div>
    </div>
  );
}
