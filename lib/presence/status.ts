/** What a member chose; "busy" is never chosen, it comes from being in a call. */
export const SETTINGS = ["online", "away", "dnd", "invisible"] as const;
export type PresenceSetting = (typeof SETTINGS)[number];

/** What other people see. Invisible members are shown as offline. */
export type PublicStatus = "online" | "away" | "busy" | "dnd" | "offline";

export const AUTO_AWAY_MS = 10 * 60_000;
/** A node refreshes its connections this often... */
export const HEARTBEAT_MS = 15_000;
/** ...and a connection not refreshed for this long counts for nothing (a crashed node's members go offline). */
export const EXPIRY_MS = 45_000;
/**
 * A member whose last connection closed this recently is still called: a full page load closes
 * the page's connection and opens a new one within a second or two (longer on a slow phone), and
 * the page that comes back asks what is ringing (/api/calls/incoming).
 */
export const RECONNECT_GRACE_MS = 10_000;

export function isSetting(v: unknown): v is PresenceSetting {
  return typeof v === "string" && (SETTINGS as readonly string[]).includes(v);
}

/**
 * A member's status as others see it, from their setting and their live
 * connections (any alive connection keeps them online; all idle means away).
 */
export function publicStatus(input: { setting: string; liveConnections: number; allIdle: boolean; inCall?: boolean }): PublicStatus {
  if (input.liveConnections === 0) return "offline";
  const setting = isSetting(input.setting) ? input.setting : "online";
  if (setting === "invisible") return "offline";
  if (input.inCall) return "busy";
  if (setting === "dnd") return "dnd";
  if (setting === "away" || input.allIdle) return "away";
  return "online";
}
