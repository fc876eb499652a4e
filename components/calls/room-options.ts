import type { RoomOptions } from "livekit-client";

/** The portal's Room settings: adaptiveStream would pause video in hidden or small elements, and a call shows the other party at once. */
export const CALL_ROOM_OPTIONS: RoomOptions = { adaptiveStream: false, dynacast: true };
/**
 * The public STUN servers LiveKit suggests are out of reach on a closed network; the server's own
 * candidates suffice. Subscriptions are made by `subscribeToVisible` (media-hold.ts).
 */
export const CALL_CONNECT_OPTIONS = { rtcConfig: { iceServers: [] }, autoSubscribe: false };
