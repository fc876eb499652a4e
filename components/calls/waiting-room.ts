"use client";

import { createLocalTracks, type LocalTrack, Room, RoomEvent, type RoomOptions, Track } from "livekit-client";
import { apiSend } from "../api";
import { deviceId } from "../presence/presence-client";
import { holdSending, subscribeToVisible } from "./media-hold";

/** The portal's Room settings: adaptiveStream would pause video in hidden or small elements, and a call shows the other party at once. */
export const CALL_ROOM_OPTIONS: RoomOptions = { adaptiveStream: false, dynacast: true };
/**
 * The public STUN servers LiveKit suggests are out of reach on a closed network; the server's own
 * candidates suffice. Subscriptions are made by `subscribeToVisible` (media-hold.ts).
 */
export const CALL_CONNECT_OPTIONS = { rtcConfig: { iceServers: [] }, autoSubscribe: false };

/** This page's place in a call's room: a browser's tabs share one device id, each rings on its own. */
export const tabId: string = (() => {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
})();

/**
 * A call that rings on this page waits in its room: connected, hidden from the caller, camera and
 * microphone started (on the page in view) and published but held (nothing is sent, media-hold.ts),
 * asking for the caller's tracks, which the server withholds until the page is let in. Answering
 * then costs no connection, no camera start and no negotiation of what it sends: the page lets its
 * tracks go, the server lets it in, and the call page takes the room over.
 */
export type WaitingRoom = {
  callId: string;
  video: boolean;
  room: Room;
  /** The started camera and microphone; empty when they could not start, or the page was out of view (started on answer). */
  tracks: Promise<LocalTrack[]>;
  /** Connected, and the tracks published (held). */
  ready: Promise<boolean>;
  /** Answering: Accept was pressed; answered: the server let this page in; gone: it left. */
  phase: "waiting" | "answering" | "answered" | "gone";
  /** Once answering here: whether this page is sending. */
  live?: Promise<boolean>;
  /** What the server said to the accept: in (this page is in the call), out (join anew), failed. */
  outcome?: Promise<Outcome>;
  settle?: (o: Outcome) => void;
  taken: boolean;
};
export type Outcome = "in" | "out" | "failed";

/** The room of the call ringing here; taken by the call page once answered. */
let current: WaitingRoom | null = null;
/** The room of the call last answered here, taken or not, until it leaves. */
let answeringRoom: WaitingRoom | null = null;

export function waitInRoom(callId: string, video: boolean): WaitingRoom {
  if (current?.callId === callId) return current;
  if (current) leave(current);
  const room = new Room(CALL_ROOM_OPTIONS);
  subscribeToVisible(room);
  // Only the page in view starts the camera while it rings (a member's other tabs would light it too).
  const inView = document.visibilityState === "visible";
  const tracks = inView ? createLocalTracks({ audio: true, video }).catch(() => [] as LocalTrack[]) : Promise.resolve([] as LocalTrack[]);
  const w: WaitingRoom = { callId, video, room, tracks, ready: Promise.resolve(false), phase: "waiting", taken: false };
  w.ready = (async () => {
    const grant = await apiSend<{ url: string; token: string }>("POST", `/api/calls/${callId}/ring-token`, {
      deviceId: deviceId(),
      tab: tabId,
    });
    if (w.phase === "gone") return false;
    await room.connect(grant.url, grant.token, CALL_CONNECT_OPTIONS);
    const started = await tracks;
    // Disabled (black, silent) until held, so that not a frame goes out before Accept.
    const holding = w.phase === "waiting";
    if (holding) for (const t of started) t.mediaStreamTrack.enabled = false;
    for (const t of started) await room.localParticipant.publishTrack(t);
    if (holding) {
      if (w.phase === "waiting") await holdSending(room, true);
      for (const t of started) t.mediaStreamTrack.enabled = true;
    }
    return true;
  })().catch(() => false);
  // The server closed the room (the call ended or moved on): stop waiting.
  room.on(RoomEvent.Disconnected, () => {
    if (!w.taken && w.phase !== "gone") leave(w);
  });
  current = w;
  return w;
}

function leave(w: WaitingRoom) {
  if (current === w) current = null;
  w.phase = "gone";
  void w.room.disconnect();
  void w.tracks.then((ts) => ts.forEach((t) => t.stop()));
}

/** The ring stopped here without an answer from this page. An answer in progress keeps the room. */
export function stopWaiting(callId: string) {
  if (current?.callId === callId && current.phase === "waiting") leave(current);
}

/**
 * The Accept button was pressed: the room stays whatever else the page hears meanwhile, the held
 * tracks go out at once (the caller sees them when the server shows this page, on the answer), and
 * the call page may take the room before the server has answered.
 */
export function answering(callId: string) {
  const w = current;
  if (w?.callId !== callId || w.phase !== "waiting") return;
  w.phase = "answering";
  w.live = sendOnceReady(w).catch(() => false);
  w.outcome = new Promise((resolve) => (w.settle = resolve));
  answeringRoom = w;
}

async function sendOnceReady(w: WaitingRoom): Promise<boolean> {
  if (!(await w.ready)) return false;
  if ((await w.tracks).length === 0) {
    // Not started while it rang (out of view, or a permission prompt): start now, kept with the room so that leaving stops them.
    w.tracks = createLocalTracks({ audio: true, video: w.video });
    const tracks = await w.tracks;
    if (w.phase === "gone") return false;
    await Promise.all(tracks.map((t) => w.room.localParticipant.publishTrack(t)));
  }
  await holdSending(w.room, false);
  return true;
}

/** Accept was pressed on this page for this call, and it has not failed: the call page joins. */
export function answeringHere(callId: string): boolean {
  return answeringRoom?.callId === callId && answeringRoom.phase !== "gone";
}

/**
 * The server's answer to the accept. In: the page is in the call. Out (accepted, but the page was not
 * in the room to be let in) or failed: the room is left, which ends nothing (a page never let in is
 * no party to the call); the call page joins the ordinary way, or the page goes back.
 */
export function answered(callId: string, outcome: Outcome) {
  const w = answeringRoom;
  if (!w || w.callId !== callId || w.phase === "gone") return;
  if (outcome === "in") {
    w.phase = "answered";
    // Let in, but no call page took the room (the member went elsewhere at once): not a call left
    // running unseen; leaving ends it.
    setTimeout(() => {
      if (!w.taken && current === w) leave(w);
    }, 15_000);
  } else leave(w);
  w.settle?.(outcome);
}

/** The call page takes the room of a call answered here (once); null when it should join itself. */
export function takeWaitingRoom(callId: string): WaitingRoom | null {
  const w = current;
  if (!w || w.callId !== callId || (w.phase !== "answering" && w.phase !== "answered") || w.taken) return null;
  w.taken = true;
  current = null;
  return w;
}

/**
 * The call page let go of the room (it unmounted). React mounts a page twice in development: the room
 * is handed back for a moment, and only closed when nobody takes it again.
 */
export function releaseWaitingRoom(w: WaitingRoom) {
  if (w.phase === "gone") return;
  w.taken = false;
  // Another call rings meanwhile: this room has no one to take it.
  if (current && current !== w) return leave(w);
  current = w;
  setTimeout(() => {
    if (!w.taken && current === w) leave(w);
  }, 0);
}

/** The started camera, for the ringing dialog's preview. */
export async function waitingCamera(w: WaitingRoom) {
  return (await w.tracks).find((t) => t.source === Track.Source.Camera);
}
