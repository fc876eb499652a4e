import type { PublicStatus } from "./status";

/**
 * Who may see a member's presence, and how much: ordered rules applied when presence goes out (as
 * ejabberd's privacy lists do), the first that matches deciding. The presence server applies them on
 * every watch and every delivery; route handlers apply them to every status they return.
 *
 *   1. the member themself sees everything;
 *   2. someone they blocked, or made them "appear offline to", sees them offline;
 *   3. with "nobody", everyone else sees them offline;
 *   4. a contact (one who asked and was approved) sees the detail of their groups: full if any of
 *      their groups gives full (the member granted it there), else basic if a group says so, else
 *      the member's detail for contacts;
 *   5. anyone else sees them with "everyone" at the detail for everyone, and offline with
 *      "contacts".
 */

export const AUDIENCES = ["everyone", "contacts", "nobody"] as const;
export type Audience = (typeof AUDIENCES)[number];
export const DETAILS = ["full", "basic"] as const;
/** full: online, away, busy, do not disturb; basic: online or offline only. */
export type Detail = (typeof DETAILS)[number];

export type VisibilitySettings = {
  audience: Audience;
  /** What people who are not contacts see when the audience is everyone. */
  everyoneDetail: Detail;
  /** What contacts see unless one of their groups says otherwise. */
  contactDetail: Detail;
  /** Per group of the member's address book, when the group sets its own. */
  groupDetail: ReadonlyMap<string, Detail>;
};

export const DEFAULT_VISIBILITY: VisibilitySettings = {
  audience: "everyone",
  everyoneDetail: "full",
  contactDetail: "full",
  groupDetail: new Map(),
};

/** A member's stored choice; a value the rules do not know reads as the default. */
export function visibilitySettings(
  m: { presenceAudience: string; presenceEveryoneDetail: string; presenceContactDetail: string },
  groupDetail: ReadonlyMap<string, Detail>,
): VisibilitySettings {
  const detail = (v: string): Detail => ((DETAILS as readonly string[]).includes(v) ? (v as Detail) : "full");
  return {
    audience: (AUDIENCES as readonly string[]).includes(m.presenceAudience)
      ? (m.presenceAudience as Audience)
      : DEFAULT_VISIBILITY.audience,
    everyoneDetail: detail(m.presenceEveryoneDetail),
    contactDetail: detail(m.presenceContactDetail),
    groupDetail,
  };
}

/** How the watcher stands with the member watched, from the member's side. */
export type Relation = {
  self: boolean;
  /** The watcher's request to see the member was approved. */
  contact: boolean;
  /** The member's groups the watcher is in. */
  groups: readonly string[];
  /** The member chose to appear offline to the watcher. */
  blinded: boolean;
  /** The member blocked the watcher. */
  blocked: boolean;
};

export const STRANGER: Relation = { self: false, contact: false, groups: [], blinded: false, blocked: false };

/** How much the watcher may see: a detail, or nothing (shown offline). */
export function detailFor(settings: VisibilitySettings, r: Relation): Detail | "none" {
  if (r.self) return "full";
  if (r.blocked || r.blinded) return "none";
  if (settings.audience === "nobody") return "none";
  if (r.contact) {
    const set = r.groups.map((g) => settings.groupDetail.get(g)).filter((d): d is Detail => d !== undefined);
    if (set.includes("full")) return "full";
    if (set.includes("basic")) return "basic";
    return settings.contactDetail;
  }
  return settings.audience === "everyone" ? settings.everyoneDetail : "none";
}

/** The status the watcher is shown. */
export function visibleStatus(status: PublicStatus, detail: Detail | "none"): PublicStatus {
  if (detail === "none") return "offline";
  if (detail === "basic") return status === "offline" ? "offline" : "online";
  return status;
}

/** Both steps at once, for a single look-up. */
export function statusSeenBy(status: PublicStatus, settings: VisibilitySettings, r: Relation): PublicStatus {
  return visibleStatus(status, detailFor(settings, r));
}
