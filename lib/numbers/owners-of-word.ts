import type { Db } from "../db/client";
import { showNumber } from "./spelling";

export type WordOwner = { kind: "member" | "group"; handle: string; name: string; formattedNumber: string; memberId: string | null };

const MAX_LISTED = 20;

/**
 * Who a word on its own names ("PIZZA"): the members and groups whose number shows it. `all` counts
 * every owner (a word with one owner leads to it, listed or not, as its number would); `listed` are
 * the ones an ambiguous word may show, for unlisted members are not named to strangers.
 */
export async function ownersOfWord(db: Db, word: string): Promise<{ all: number; listed: WordOwner[]; only: WordOwner | null }> {
  const rows = await db.phoneNumber.findMany({
    where: { word: word.toUpperCase(), OR: [{ memberId: { not: null } }, { groupId: { not: null } }] },
    select: {
      digits: true,
      spelled: true,
      member: { select: { id: true, handle: true, displayName: true, listed: true } },
      group: { select: { handle: true, name: true, listed: true } },
    },
    orderBy: { digits: "asc" },
    take: 200,
  });
  const owners = rows.flatMap((r): { listed: boolean; o: WordOwner }[] => {
    const formattedNumber = showNumber(r.digits, r.spelled);
    if (r.member)
      return [
        {
          listed: r.member.listed,
          o: { kind: "member" as const, handle: r.member.handle, name: r.member.displayName, formattedNumber, memberId: r.member.id },
        },
      ];
    if (r.group)
      return [
        {
          listed: r.group.listed,
          o: { kind: "group" as const, handle: r.group.handle, name: r.group.name, formattedNumber, memberId: null },
        },
      ];
    return [];
  });
  return {
    all: owners.length,
    listed: owners
      .filter((x) => x.listed)
      .slice(0, MAX_LISTED)
      .map((x) => x.o),
    only: owners.length === 1 ? owners[0]!.o : null,
  };
}
