import { Prisma } from "../db/generated/sqlite/client";
import { publicStatus, type PublicStatus } from "./status";
import { type Relation, STRANGER, statusSeenBy, visibilitySettings } from "./visibility";

/**
 * A listed member's live status as one watcher may see it, read in the same query as the rows that
 * show it. The directory reads a page and its statuses in one statement: read as three (the page,
 * then statusesOf and statusesSeenBy) the two follow-ups cost several times the page itself at a
 * million members. Only the facts come from SQL; the rules stay those of status.ts and
 * visibility.ts, applied by statusFromFacts, so the two paths cannot drift apart on a rule.
 */
export type StatusFacts = {
  id: string;
  presenceSetting: string;
  presenceAudience: string;
  presenceEveryoneDetail: string;
  presenceContactDetail: string;
  /** A connection seen within the expiry. */
  live: unknown;
  /** One of them not idle: with none, every connection is idle and the member is away. */
  active: unknown;
  inCall: unknown;
  blocked?: unknown;
  blinded?: unknown;
  contact?: unknown;
  /** One of the member's groups the watcher is in gives full detail, or basic. */
  groupFull?: unknown;
  groupBasic?: unknown;
};

/** The member columns the facts need, from the member row `m`. */
export const STATUS_COLUMNS = Prisma.sql`m."presenceSetting", m."presenceAudience", m."presenceEveryoneDetail", m."presenceContactDetail"`;

/**
 * The facts' columns for the rows of `p` (which carries STATUS_COLUMNS and "id"). Each is a probe
 * of a primary key or an index on the member, so it costs per row shown; the connected calls are
 * one uncorrelated subquery, read once.
 */
export function statusFactsSql(since: Date, watcherId: string | null): Prisma.Sql {
  const live = Prisma.sql`FROM "PresenceConnection" c WHERE c."memberId" = p."id" AND c."lastSeenAt" > ${since}`;
  const facts = [
    Prisma.sql`EXISTS (SELECT 1 ${live}) AS "live"`,
    Prisma.sql`EXISTS (SELECT 1 ${live} AND c."idle" = FALSE) AS "active"`,
    Prisma.sql`p."id" IN (SELECT k."callerId" FROM "Call" k WHERE k."status" = 'connected' UNION ALL SELECT k."calleeId" FROM "Call" k WHERE k."status" = 'connected') AS "inCall"`,
  ];
  if (watcherId) {
    const inGroup = (detail: string) =>
      Prisma.sql`EXISTS (SELECT 1 FROM "ContactGroupEntry" e JOIN "ContactGroup" g ON g."id" = e."groupId" WHERE e."ownerId" = p."id" AND e."contactId" = ${watcherId} AND g."ownerId" = p."id" AND g."detail" = ${detail})`;
    facts.push(
      Prisma.sql`EXISTS (SELECT 1 FROM "Block" b WHERE b."blockerId" = p."id" AND b."blockedId" = ${watcherId}) AS "blocked"`,
      Prisma.sql`EXISTS (SELECT 1 FROM "PresenceBlind" b WHERE b."ownerId" = p."id" AND b."hiddenFromId" = ${watcherId}) AS "blinded"`,
      Prisma.sql`EXISTS (SELECT 1 FROM "Contact" ct WHERE ct."ownerId" = ${watcherId} AND ct."contactId" = p."id" AND ct."sees" = 'approved') AS "contact"`,
      Prisma.sql`${inGroup("full")} AS "groupFull"`,
      Prisma.sql`${inGroup("basic")} AS "groupBasic"`,
    );
  }
  return Prisma.join(facts, ", ");
}

/** SQLite answers a condition with 1 or 0, PostgreSQL with a boolean. */
const yes = (v: unknown): boolean => v === true || v === 1 || v === 1n || v === "1";

/** Stands for the groups the watcher is in: only their details matter to the rules. */
const GROUP_DETAILS = new Map([
  ["full", "full"],
  ["basic", "basic"],
] as const);

/** The status the watcher (null: signed out) is shown, from one row's facts. */
export function statusFromFacts(f: StatusFacts, watcherId: string | null): PublicStatus {
  const connected = yes(f.live);
  // The watcher's own row: they are here asking, whether or not their page's connection is up yet.
  const live = connected || f.id === watcherId;
  const status = publicStatus({
    setting: f.presenceSetting,
    liveConnections: live ? 1 : 0,
    allIdle: connected && !yes(f.active),
    inCall: yes(f.inCall),
  });
  const relation: Relation = watcherId
    ? {
        self: f.id === watcherId,
        contact: yes(f.contact),
        groups: [...(yes(f.groupFull) ? ["full"] : []), ...(yes(f.groupBasic) ? ["basic"] : [])],
        blinded: yes(f.blinded),
        blocked: yes(f.blocked),
      }
    : STRANGER;
  return statusSeenBy(status, visibilitySettings(f, GROUP_DETAILS), relation);
}
