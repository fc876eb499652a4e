"use client";

import { apiSend } from "../api";

export type RoomGrant = { url: string; token: string };

/**
 * The room's grant, asked for while the preview shows: on a busy machine the request (membership,
 * the media server's list of who is in, the room made, a token minted) took as long as joining
 * itself (bench/groups.ts). The token lasts five minutes (lib/livekit TOKEN_TTL_SECONDS); one older
 * than a minute is not used (the room may have filled, the member left), and a prefetch that failed
 * is asked again on Join, so that its error shows then.
 */
export const GRANT_FRESH_MS = 60_000;

export function roomGrants(ask: (handle: string) => Promise<RoomGrant>, now: () => number = Date.now) {
  let prefetched: { handle: string; at: number; grant: Promise<RoomGrant> } | null = null;
  return {
    prefetch(handle: string): void {
      const grant = ask(handle);
      grant.catch(() => undefined);
      prefetched = { handle, at: now(), grant };
    },
    /** The prefetched grant when it is this room's and fresh (used once), else a new one. */
    take(handle: string): Promise<RoomGrant> {
      const p = prefetched;
      prefetched = null;
      if (p && p.handle === handle && now() - p.at < GRANT_FRESH_MS) return p.grant.catch(() => ask(handle));
      return ask(handle);
    },
  };
}

const grants = roomGrants((handle) => apiSend<RoomGrant>("POST", `/api/groups/${encodeURIComponent(handle)}/room`));
export const prefetchRoomGrant = grants.prefetch;
export const takeRoomGrant = grants.take;
