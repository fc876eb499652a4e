import { z } from "zod";
import type { Db } from "../db/client";
import { Prisma } from "../db/generated/sqlite/client";
import { formatNumber } from "../numbers/format";
import { toKeypadDigits } from "../numbers/keypad";
import { getStatuses } from "../presence/read-model";
import { EXPIRY_MS } from "../presence/status";
import type { PublicStatus } from "../presence/status";
import { cityKey, normalizeText, prefixRange } from "./search-keys";

export const PAGE_SIZE = 20;
/** Counting every match of a one-letter search over a million members costs more than it tells: stop at this. */
export const COUNT_CAP = 1000;

/** The directory's query string, validated (it is also a plain GET form without JavaScript). */
export const directoryQuerySchema = z.object({
  name: z.string().trim().max(80).default(""),
  number: z.string().trim().max(40).default(""),
  city: z.string().trim().max(80).default(""),
  interest: z.string().trim().max(32).default(""),
  online: z.enum(["1", ""]).default(""),
  sort: z.enum(["name", "online"]).default("online"),
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
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

export type DirectoryPage = {
  rows: DirectoryRow[];
  /** Matches, counted up to COUNT_CAP; `capped` says there are more. */
  total: number;
  capped: boolean;
  page: number;
  hasNext: boolean;
  notice?: string;
};

type Row = { id: string; handle: string; displayName: string; city: string; photoKey: string | null; digits: string | null };

/**
 * The filter as SQL. Each search key is an uncorrelated IN over an index range
 * (MemberNameWord, NumberSuffix), which both SQLite and PostgreSQL evaluate
 * once; Prisma's relation filters would probe the index once per member.
 */
function where(q: DirectoryQuery): { where: Prisma.Sql; notice?: string } {
  const conds: Prisma.Sql[] = [Prisma.sql`m."listed" = ${true}`];
  let notice: string | undefined;
  const name = normalizeText(q.name);
  if (name) {
    const r = prefixRange(name);
    conds.push(Prisma.sql`m."id" IN (SELECT w."memberId" FROM "MemberNameWord" w WHERE w."word" >= ${r.gte} AND w."word" < ${r.lt})`);
  }
  if (q.number) {
    // Digits anywhere in the number, or a vanity word spelled on the keypad.
    const k = toKeypadDigits(q.number);
    if (!k.ok) notice = k.reason;
    else if (k.digits.length === 1) notice = "Type at least two digits (or letters) of the number";
    else if (k.digits) {
      const r = prefixRange(k.digits);
      conds.push(
        Prisma.sql`m."id" IN (SELECT p2."memberId" FROM "PhoneNumber" p2 WHERE p2."digits" IN (SELECT x."digits" FROM "NumberSuffix" x WHERE x."suffix" >= ${r.gte} AND x."suffix" < ${r.lt}))`,
      );
    }
  }
  const city = cityKey(q.city);
  if (city) {
    const r = prefixRange(city);
    conds.push(Prisma.sql`m."cityKey" >= ${r.gte} AND m."cityKey" < ${r.lt}`);
  }
  const interest = q.interest.toLowerCase().trim();
  if (interest) conds.push(Prisma.sql`m."interests" LIKE ${`%${JSON.stringify(interest).replace(/[\\%_]/g, (c) => `\\${c}`)}%`} ESCAPE '\\'`);
  return { where: Prisma.join(conds, " AND "), notice };
}

/** Members someone can see online now: a live connection, and not invisible. */
function onlineSql(now: Date): Prisma.Sql {
  const since = new Date(now.getTime() - EXPIRY_MS);
  return Prisma.sql`(m."presenceSetting" <> 'invisible' AND m."id" IN (SELECT c."memberId" FROM "PresenceConnection" c WHERE c."lastSeenAt" > ${since} AND c."memberId" IS NOT NULL))`;
}

async function count(db: Db, w: Prisma.Sql): Promise<number> {
  const r = await db.$queryRaw<{ n: number | bigint }[]>`SELECT COUNT(*) AS "n" FROM (SELECT 1 FROM "Member" m WHERE ${w} LIMIT ${COUNT_CAP}) t`;
  return Number(r[0]?.n ?? 0);
}

function list(db: Db, w: Prisma.Sql, skip: number, take: number): Promise<Row[]> {
  if (take <= 0) return Promise.resolve([]);
  return db.$queryRaw<Row[]>`
    SELECT m."id", m."handle", m."displayName", m."city", m."photoKey", p."digits"
    FROM "Member" m LEFT JOIN "PhoneNumber" p ON p."memberId" = m."id"
    WHERE ${w}
    ORDER BY m."nameKey", m."id"
    LIMIT ${take} OFFSET ${skip}`;
}

/**
 * A page of listed members matching the query, with their live status. "Online
 * first" lists everyone online (by name) before everyone else (by name).
 */
export async function searchMembers(db: Db, q: DirectoryQuery, now = new Date()): Promise<DirectoryPage> {
  const { where: base, notice } = where(q);
  const skip = (q.page - 1) * PAGE_SIZE;
  const online = onlineSql(now);
  const onlineWhere = Prisma.sql`${base} AND ${online}`;

  let total: number;
  let rows: Row[];
  if (q.online === "1") {
    [total, rows] = await Promise.all([count(db, onlineWhere), list(db, onlineWhere, skip, PAGE_SIZE)]);
  } else if (q.sort === "online") {
    const offlineWhere = Prisma.sql`${base} AND NOT ${online}`;
    const [onlineCount, offlineCount] = await Promise.all([count(db, onlineWhere), count(db, offlineWhere)]);
    total = onlineCount + offlineCount;
    const fromOnline = skip < onlineCount ? await list(db, onlineWhere, skip, PAGE_SIZE) : [];
    const fromOffline = await list(db, offlineWhere, Math.max(0, skip - onlineCount), PAGE_SIZE - fromOnline.length);
    rows = [...fromOnline, ...fromOffline];
  } else {
    [total, rows] = await Promise.all([count(db, base), list(db, base, skip, PAGE_SIZE)]);
  }

  const statuses = await getStatuses(db, rows.map((r) => r.id), now);
  return {
    rows: rows.map((r) => ({
      id: r.id,
      handle: r.handle,
      displayName: r.displayName,
      city: r.city,
      formattedNumber: r.digits ? formatNumber(r.digits) : null,
      photoUrl: r.photoKey ? `/api/members/${encodeURIComponent(r.handle)}/photo` : null,
      status: statuses[r.id] ?? "offline",
    })),
    total,
    capped: total >= COUNT_CAP,
    page: q.page,
    hasNext: skip + rows.length < total || (total >= COUNT_CAP && rows.length === PAGE_SIZE),
    ...(notice ? { notice } : {}),
  };
}
