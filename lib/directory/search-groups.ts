import type { Db } from "../db/client";
import { SHOWN_NUMBER, shownNumber } from "../numbers/spelling";
import { toKeypadDigits } from "../numbers/keypad";
import { type DirectoryQuery, PAGE_SIZE } from "./search-members";

/** Groups are few next to members: counted, up to this many. */
const COUNT_CAP = 1000;
import { normalizeText } from "./search-keys";

export type GroupRow = {
  id: string;
  handle: string;
  name: string;
  description: string;
  formattedNumber: string | null;
  members: number;
  access: string;
};
export type GroupsPage = { rows: GroupRow[]; total: number; capped: boolean; page: number; hasNext: boolean; notice?: string };

/**
 * The directory's Groups: listed groups by a prefix of any word of their name, and by digits anywhere
 * in their number or a vanity word spelled on the keypad (the members' suffix table serves both).
 */
export async function searchGroups(db: Db, q: Pick<DirectoryQuery, "name" | "number" | "page">): Promise<GroupsPage> {
  let notice: string | undefined;
  let digits: string | null = null;
  if (q.number) {
    const k = toKeypadDigits(q.number);
    if (!k.ok) notice = k.reason;
    else if (k.digits.length === 1) notice = "Type at least two digits (or letters) of the number";
    else digits = k.digits;
  }
  if (notice) return { rows: [], total: 0, capped: false, page: q.page, hasNext: false, notice };
  const name = normalizeText(q.name);
  const where = {
    listed: true,
    ...(name ? { nameKey: { contains: ` ${name}` } } : {}),
    ...(digits ? { number: { suffixes: { some: { suffix: { startsWith: digits } } } } } : {}),
  };
  const [rows, counted] = await Promise.all([
    db.group.findMany({
      where,
      orderBy: [{ nameKey: "asc" }, { id: "asc" }],
      skip: (q.page - 1) * PAGE_SIZE,
      take: PAGE_SIZE + 1,
      select: {
        id: true,
        handle: true,
        name: true,
        description: true,
        access: true,
        number: { select: SHOWN_NUMBER },
        _count: { select: { members: { where: { role: { not: "requested" } } } } },
      },
    }),
    db.group.findMany({ where, select: { id: true }, take: COUNT_CAP + 1 }),
  ]);
  return {
    rows: rows.slice(0, PAGE_SIZE).map((g) => ({
      id: g.id,
      handle: g.handle,
      name: g.name,
      description: g.description,
      formattedNumber: shownNumber(g.number),
      members: g._count.members,
      access: g.access,
    })),
    total: Math.min(counted.length, COUNT_CAP),
    capped: counted.length > COUNT_CAP,
    page: q.page,
    hasNext: rows.length > PAGE_SIZE,
  };
}
