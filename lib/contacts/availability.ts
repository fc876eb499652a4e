import type { PublicStatus } from "../presence/status";

/**
 * "Tell me when available" (delayed communication): one ask per asker and contact while open,
 * one-shot, lapsing after a day. Pure rules; lib/contacts/availability-store.ts keeps them.
 */
export const AVAILABILITY_TTL_MS = 24 * 3600_000;
/** Open asks one member may hold at once. */
export const MAX_OPEN_ASKS = 100;

/** Asking makes sense only while the contact does not look available to the asker. */
export const canAsk = (seen: PublicStatus): boolean => seen !== "online";

/** The ask fires when the contact becomes online as the asker may see it (an invisible contact never fires it). */
export const firesOn = (seen: PublicStatus): boolean => seen === "online";

/** The unique key of an open ask: a second ask for the same contact returns the first. */
export const openKeyOf = (askerId: string, watchedId: string): string => `${askerId}:${watchedId}`;

export type AskState = "open" | "fired" | "canceled" | "expired";

export function askState(a: { firedAt: Date | null; canceledAt: Date | null; expiresAt: Date }, now: Date): AskState {
  if (a.firedAt) return "fired";
  if (a.canceledAt) return "canceled";
  return a.expiresAt.getTime() <= now.getTime() ? "expired" : "open";
}

/** How the notice goes: live to a connected asker; otherwise by email, and only to an address they proved. */
export function deliveryFor(asker: { connected: boolean; verifiedEmail: boolean }): "live" | "email" | "live-later" {
  if (asker.connected) return "live";
  return asker.verifiedEmail ? "email" : "live-later";
}
