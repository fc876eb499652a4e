import { z } from "zod";
import { type Db, directReads, type ReadRows } from "../db/client";
import { Prisma } from "../db/generated/sqlite/client";
import { showNumber } from "../numbers/spelling";
import { toKeypadDigits } from "../numbers/keypad";
import { EXPIRY_MS } from "../presence/status";
import { STATUS_COLUMNS, type StatusFacts, statusFactsSql, statusFromFacts } from "../presence/status-facts";
import type { PublicStatus } from "../presence/status";
import { cityKey, normalizeText, prefixRange } from "./search-keys";

export const PAGE_SIZE = 20;
/** The directory's query string, validated (it is also a plain GET form without JavaScript). */
export const directoryQuerySchema = z.object({
  name: z.string().trim().max(80).default(""),
  number: z.string().trim().max(40).default(""),
  city: z.string().trim().max(80).default(""),
  interest: z.string().trim().max(32).default(""),
  online: z.enum(["1", ""]).default(""),
  sort: z.enum(["name", "online"]).default("online"),
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
  /** Members (the default) or groups. */
  kind: z.enum(["members", "groups"]).catch("members").default("members"),
});
export type DirectoryQuery = z.output<typeof directoryQuerySchema>;

export type DirectoryRow = {
  id: string;
  handle: string;
  displayName: string;
  city: string;
  formattedNumber: string | null;
  photoUrl: string | null;
  status: PublicStatus;
};

/**
 * Matches are not counted: counting a common prefix among a million members reads a row per match
 * (70 ms on PostgreSQL for 1,000) to show a figure nobody acts on. A page reads one row more than it
 * shows to know whether another follows; `total` is known once the last page is reached ("41–53 of
 * 53"), null before ("1–20 of many").
 */
export type DirectoryPage = {
  rows: DirectoryRow[];
  total: number | null;
  page: number;
  hasNext: boolean;
  notice?: string;
};

type Row = StatusFacts & {
  handle: string;
  displayName: string;
  city: string;
  photoKey: string | null;
  digits: string | null;
  spelled: string | null;
};

/**
 * How a search reads the database. Sorting every match of a common prefix among a
 * million members costs hundreds of milliseconds, so each search is read in the
 * order of the index that drives it and stops after a page: a name search in the
 * order of the matched name ("martins…", "mateo…"), a city search by city then
 * name, everything else by name. Other conditions are uncorrelated IN subqueries,
 * which both SQLite and PostgreSQL evaluate once (Prisma's relation filters would
 * probe an index once per member).
 */
type Plan = { from: Prisma.Sql; conds: Prisma.Sql[]; orderBy: Prisma.Sql[]; notice?: string };

/**
 * `onlineSince` restricts the search to members online now. The few online members
 * then drive the query: SQLite keeps the left side of a CROSS JOIN outermost, and
 * PostgreSQL plans it as an inner join from its statistics.
 */
/**
 * Whether the watcher may see the member's presence at all (lib/presence/visibility.ts, rules 1-3
 * and 5, in SQL): the "online" filter and "online first" order must not reveal what the status
 * column hides. Basic detail still shows online, so it does not enter here.
 */
function visibleSql(watcherId: string | null): Prisma.Sql {
  if (!watcherId) return Prisma.sql`m."presenceAudience" = 'everyone'`;
  return Prisma.sql`(m."id" = ${watcherId} OR (
    NOT EXISTS (SELECT 1 FROM "PresenceBlind" pb WHERE pb."ownerId" = m."id" AND pb."hiddenFromId" = ${watcherId})
    AND NOT EXISTS (SELECT 1 FROM "Block" bl WHERE bl."blockerId" = m."id" AND bl."blockedId" = ${watcherId})
    AND (m."presenceAudience" = 'everyone' OR (m."presenceAudience" = 'contacts' AND EXISTS (
      SELECT 1 FROM "Contact" ct WHERE ct."ownerId" = ${watcherId} AND ct."contactId" = m."id" AND ct."sees" = 'approved')))))`;
}

function plan(q: DirectoryQuery, onlineSince?: Date, watcherId: string | null = null): Plan {
  const conds: Prisma.Sql[] = [Prisma.sql`m."listed" = ${true}`];
  const drivers: Prisma.Sql[] = [];
  let orderBy = [Prisma.sql`m."nameKey"`, Prisma.sql`m."id"`];
  let notice: string | undefined;
  if (onlineSince) {
    // The member searching is online: they are asking, whether or not their page's connection is up yet.
    const self = watcherId ? Prisma.sql` UNION SELECT CAST(${watcherId} AS TEXT)` : Prisma.empty;
    drivers.push(
      Prisma.sql`(SELECT DISTINCT c."memberId" AS "mid" FROM "PresenceConnection" c WHERE c."lastSeenAt" > ${onlineSince} AND c."memberId" IS NOT NULL${self}) o`,
    );
    conds.push(Prisma.sql`m."id" = o."mid"`, Prisma.sql`m."presenceSetting" <> 'invisible'`, visibleSql(watcherId));
  }
  const city = cityKey(q.city);
  if (city) {
    const r = prefixRange(city);
    conds.push(Prisma.sql`m."cityKey" >= ${r.gte} AND m."cityKey" < ${r.lt}`);
    orderBy = [Prisma.sql`m."cityKey"`, Prisma.sql`m."nameKey"`, Prisma.sql`m."id"`];
  }
  const name = normalizeText(q.name);
  if (name) {
    const r = prefixRange(name);
    drivers.push(Prisma.sql`"MemberNameWord" w`);
    conds.push(Prisma.sql`m."id" = w."memberId"`, Prisma.sql`w."word" >= ${r.gte} AND w."word" < ${r.lt}`);
    if (onlineSince) conds.push(Prisma.sql`w."memberId" = o."mid"`);
    // A member whose first and last names both match is listed once, at the earlier word.
    conds.push(
      Prisma.sql`NOT EXISTS (SELECT 1 FROM "MemberNameWord" w2 WHERE w2."memberId" = w."memberId" AND w2."word" >= ${r.gte} AND w2."word" < ${r.lt} AND LENGTH(w2."word") > LENGTH(w."word"))`,
    );
    orderBy = [Prisma.sql`w."word"`, Prisma.sql`w."memberId"`];
  }
  if (q.number) {
    // Digits anywhere in the number, or a vanity word spelled on the keypad.
    const k = toKeypadDigits(q.number);
    if (!k.ok) notice = k.reason;
    else if (k.digits.length === 1) notice = "Type at least two digits (or letters) of the number";
    else if (k.digits) {
      const r = prefixRange(k.digits);
      const matching = Prisma.sql`SELECT DISTINCT p2."memberId" AS "nid" FROM "NumberSuffix" x JOIN "PhoneNumber" p2 ON p2."digits" = x."digits" WHERE x."suffix" >= ${r.gte} AND x."suffix" < ${r.lt}`;
      // A run of four or more digits matches few numbers: they drive the query unless a name or the online set does.
      if (drivers.length) conds.push(Prisma.sql`m."id" IN (SELECT n."nid" FROM (${matching}) n)`);
      else {
        drivers.push(Prisma.sql`(${matching}) n`);
        conds.push(Prisma.sql`m."id" = n."nid"`);
      }
    }
  }
  const interest = q.interest.toLowerCase().trim();
  if (interest)
    conds.push(Prisma.sql`m."interests" LIKE ${`%${JSON.stringify(interest).replace(/[\\%_]/g, (c) => `\\${c}`)}%`} ESCAPE '\\'`);
  return { from: Prisma.join([...drivers, Prisma.sql`"Member" m`], " CROSS JOIN "), conds, orderBy, notice };
}

/** Members someone can see online now: a live connection (or the one asking), and not invisible. */
function onlineSql(since: Date, watcherId: string | null): Prisma.Sql {
  const self = watcherId ? Prisma.sql`m."id" = ${watcherId} OR ` : Prisma.empty;
  return Prisma.sql`(m."presenceSetting" <> 'invisible' AND (${self}m."id" IN (SELECT c."memberId" FROM "PresenceConnection" c WHERE c."lastSeenAt" > ${since} AND c."memberId" IS NOT NULL)) AND ${visibleSql(watcherId)})`;
}

function withCond(p: Plan, cond: Prisma.Sql): Plan {
  return { ...p, conds: [...p.conds, cond] };
}

/** Members online now who match: for a page past all of them, how far into the rest it starts. */
async function count(read: ReadRows, p: Plan): Promise<number> {
  const r = await read<{ n: number | bigint | string }>(
    Prisma.sql`SELECT COUNT(*) AS "n" FROM ${p.from} WHERE ${Prisma.join(p.conds, " AND ")}`,
  );
  return Number(r[0]?.n ?? 0);
}

/**
 * The SQL of a page of `take` rows from `skip` on (one more is read, to know whether more follow),
 * with the facts of each row's status. The page is chosen first and the facts read around it, so
 * they are read for its rows only, also where the order is a sort (the online members); its sort
 * keys come out as o0, o1… to keep that order.
 */
export function listSql(p: Plan, skip: number, take: number, since: Date, watcherId: string | null): Prisma.Sql {
  const keys = p.orderBy.map((k, i) => Prisma.sql`${k} AS ${Prisma.raw(`"o${i}"`)}`);
  return Prisma.sql`
    SELECT p.*, ${statusFactsSql(since, watcherId)} FROM (
      SELECT m."id", m."handle", m."displayName", m."city", m."photoKey", pn."digits", pn."spelled", ${STATUS_COLUMNS}, ${Prisma.join(keys)}
      FROM ${p.from} LEFT JOIN "PhoneNumber" pn ON pn."memberId" = m."id"
      WHERE ${Prisma.join(p.conds, " AND ")}
      ORDER BY ${Prisma.join(p.orderBy)}
      LIMIT ${take + 1} OFFSET ${skip}
    ) p
    ORDER BY ${Prisma.join(keys.map((_, i) => Prisma.raw(`p."o${i}"`)))}`;
}

/**
 * The queries a search's first page runs, for the benchmark's raw baseline (the same SQL straight
 * through the driver). "Online first" reads the online members, then, when fewer than a page came
 * back, the others: `rest` takes how many online rows there were.
 */
export function firstPageSql(
  q: DirectoryQuery,
  now: Date,
  watcherId: string | null = null,
): { first: Prisma.Sql; rest?: (onlineRows: number) => Prisma.Sql } {
  const since = new Date(now.getTime() - EXPIRY_MS);
  const online = plan(q, since, watcherId);
  const list = (p: Plan, take: number) => listSql(p, 0, take, since, watcherId);
  if (q.online === "1") return { first: list(online, PAGE_SIZE) };
  const base = plan(q);
  if (q.sort !== "online") return { first: list(base, PAGE_SIZE) };
  const offline = withCond(base, Prisma.sql`NOT ${onlineSql(since, watcherId)}`);
  return { first: list(online, PAGE_SIZE), rest: (n) => list(offline, PAGE_SIZE - n) };
}

/**
 * A page of listed members matching the query, with their live status. "Online
 * first" lists everyone online (by name) before everyone else (by name).
 */
export async function searchMembers(
  db: Db,
  q: DirectoryQuery,
  opts: { watcherId?: string | null; now?: Date } = {},
): Promise<DirectoryPage> {
  const now = opts.now ?? new Date();
  const watcherId = opts.watcherId ?? null;
  const base = plan(q);
  const notice = base.notice;
  const skip = (q.page - 1) * PAGE_SIZE;
  const since = new Date(now.getTime() - EXPIRY_MS);
  const onlineWhere = plan(q, since, watcherId);
  // Prisma's own work per query is a measurable part of this hot read (bench/directory.ts).
  const read = directReads(db);
  const list = async (p: Plan, skip: number, take: number): Promise<{ rows: Row[]; more: boolean }> => {
    const rows = await read<Row>(listSql(p, skip, take, since, watcherId));
    return { rows: rows.slice(0, take), more: rows.length > take };
  };

  let page: { rows: Row[]; more: boolean };
  if (q.online === "1") {
    page = await list(onlineWhere, skip, PAGE_SIZE);
  } else if (q.sort === "online") {
    // Everyone online (by name), then everyone else: the rest starts where the online members end.
    const online = await list(onlineWhere, skip, PAGE_SIZE);
    if (online.more) page = online;
    else {
      const onlineCount = online.rows.length > 0 || skip === 0 ? skip + online.rows.length : await count(read, onlineWhere);
      const offlineWhere = withCond(base, Prisma.sql`NOT ${onlineSql(since, watcherId)}`);
      const rest = await list(offlineWhere, Math.max(0, skip - onlineCount), PAGE_SIZE - online.rows.length);
      page = { rows: [...online.rows, ...rest.rows], more: rest.more };
    }
  } else {
    page = await list(base, skip, PAGE_SIZE);
  }
  const rows = page.rows;
  return {
    rows: rows.map((r) => ({
      id: r.id,
      handle: r.handle,
      displayName: r.displayName,
      city: r.city,
      formattedNumber: r.digits ? showNumber(r.digits, r.spelled) : null,
      photoUrl: r.photoKey ? `/api/members/${encodeURIComponent(r.handle)}/photo` : null,
      status: statusFromFacts(r, watcherId),
    })),
    total: page.more ? null : skip + rows.length,
    page: q.page,
    hasNext: page.more,
    ...(notice ? { notice } : {}),
  };
}
