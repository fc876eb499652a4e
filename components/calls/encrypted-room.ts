"use client";

import { ExternalE2EEKeyProvider, Room } from "livekit-client";
import { CALL_ROOM_OPTIONS } from "./room-options";

/** A call's room whose media is end-to-end encrypted with the call's key (lib/calls/media-key.ts). */
export type EncryptedRoom = { room: Room; unlock: (mediaKey: string) => Promise<void> };

const fromBase64url = (s: string) => Uint8Array.from(atob(s.replace(/-/g, "+").replace(/_/g, "/")), (c) => c.charCodeAt(0)).buffer;

/**
 * A personal call's room: what this page publishes is encrypted once the key is in, and what it
 * receives is opened with it. Without the key (a page where the call rings) the caller's media
 * arrives but stays sealed; `unlock` with the key from the answer opens it. The key is raw bytes
 * (HKDF inside LiveKit), not a passphrase: no PBKDF2 rounds between Accept and the first frame.
 */
export function encryptedRoom(): EncryptedRoom {
  const keyProvider = new ExternalE2EEKeyProvider();
  const worker = new Worker(new URL("./e2ee-worker.ts", import.meta.url), { type: "module" });
  const room = new Room({ ...CALL_ROOM_OPTIONS, e2ee: { keyProvider, worker } });
  room.once("disconnected", () => worker.terminate());
  return { room, unlock: (mediaKey) => keyProvider.setKey(fromBase64url(mediaKey)) };
}
