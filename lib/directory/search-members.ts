import { z } from "zod";
import type { Db } from "../db/client";
import { formatNumber } from "../numbers/format";
import { toKeypadDigits } from "../numbers/keypad";
import { getStatuses, visibleOnlineMemberIds } from "../presence/read-model";
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

/** The filter part of the query, shared by counting and listing. */
function where(q: DirectoryQuery): { where: Record<string, unknown>; notice?: string } {
  const and: Record<string, unknown>[] = [{ listed: true }];
  let notice: string | undefined;
  // Index range scans only (see MemberNameWord and NumberSuffix): no LIKE '%…%' over every member.
  const name = normalizeText(q.name);
  if (name) and.push({ nameWords: { some: { word: prefixRange(name) } } });
  if (q.number) {
    // Digits anywhere in the number, or a vanity word spelled on the keypad.
    const k = toKeypadDigits(q.number);
    if (!k.ok) notice = k.reason;
    else if (k.digits.length === 1) notice = "Type at least two digits (or letters) of the number";
    else if (k.digits) and.push({ number: { suffixes: { some: { suffix: prefixRange(k.digits) } } } });
  }
  const city = cityKey(q.city);
  if (city) and.push({ cityKey: prefixRange(city) });
  const interest = q.interest.toLowerCase().trim();
  if (interest) and.push({ interests: { contains: JSON.stringify(interest) } });
  return { where: { AND: and }, notice };
}

const select = { id: true, handle: true, displayName: true, city: true, photoKey: true, number: { select: { digits: true } } } as const;

/**
 * A page of listed members matching the query, with their live status. "Online
 * first" lists everyone online (by name) before everyone else (by name).
 */
export async function searchMembers(db: Db, q: DirectoryQuery): Promise<DirectoryPage> {
  const { where: base, notice } = where(q);
  const orderBy = [{ nameKey: "asc" as const }, { id: "asc" as const }];
  const skip = (q.page - 1) * PAGE_SIZE;
  const needOnline = q.online === "1" || q.sort === "online";
  const onlineIds = needOnline ? await visibleOnlineMemberIds(db) : [];
  const onlineWhere = { AND: [base, { id: { in: onlineIds } }] };

  let total: number;
  let rows: Awaited<ReturnType<typeof db.member.findMany<{ select: typeof select }>>>;
  if (q.online === "1") {
    total = await db.member.count({ where: onlineWhere, take: COUNT_CAP });
    rows = await db.member.findMany({ where: onlineWhere, select, orderBy, skip, take: PAGE_SIZE });
  } else if (q.sort === "online" && onlineIds.length > 0) {
    const offlineWhere = { AND: [base, { id: { notIn: onlineIds } }] };
    const [onlineCount, offlineCount] = await Promise.all([db.member.count({ where: onlineWhere, take: COUNT_CAP }), db.member.count({ where: offlineWhere, take: COUNT_CAP })]);
    total = onlineCount + offlineCount;
    const fromOnline = skip < onlineCount ? await db.member.findMany({ where: onlineWhere, select, orderBy, skip, take: PAGE_SIZE }) : [];
    const remaining = PAGE_SIZE - fromOnline.length;
    const fromOffline =
      remaining > 0 ? await db.member.findMany({ where: offlineWhere, select, orderBy, skip: Math.max(0, skip - onlineCount), take: remaining }) : [];
    rows = [...fromOnline, ...fromOffline];
  } else {
    total = await db.member.count({ where: base, take: COUNT_CAP });
    rows = await db.member.findMany({ where: base, select, orderBy, skip, take: PAGE_SIZE });
  }

  const statuses = await getStatuses(db, rows.map((r) => r.id));
  return {
    rows: rows.map((r) => ({
      id: r.id,
      handle: r.handle,
      displayName: r.displayName,
      city: r.city,
      formattedNumber: r.number ? formatNumber(r.number.digits) : null,
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
