import type { Db } from "../db/client";
import { cityKey, nameKey, nameWords, numberSuffixes } from "./search-keys";

/** Fills search keys and index rows of members created before they existed (run after migrations). */
export async function backfillSearchKeys(db: Db): Promise<number> {
  let done = 0;
  for (;;) {
    const batch = await db.member.findMany({
      where: { OR: [{ nameKey: "" }, { nameWords: { none: {} } }] },
      select: { id: true, displayName: true, city: true, number: { select: { digits: true } } },
      take: 500,
    });
    if (batch.length === 0) return done;
    const ids = batch.map((m) => m.id);
    const numbers = batch.flatMap((m) => (m.number ? [m.number.digits] : []));
    await db.$transaction([
      ...batch.map((m) => db.member.update({ where: { id: m.id }, data: { nameKey: nameKey(m.displayName), cityKey: cityKey(m.city) } })),
      db.memberNameWord.deleteMany({ where: { memberId: { in: ids } } }),
      db.memberNameWord.createMany({ data: batch.flatMap((m) => nameWords(m.displayName).map((word) => ({ word, memberId: m.id }))) }),
      db.numberSuffix.deleteMany({ where: { digits: { in: numbers } } }),
      db.numberSuffix.createMany({ data: numbers.flatMap((digits) => numberSuffixes(digits).map((suffix) => ({ suffix, digits }))) }),
    ]);
    done += batch.length;
  }
}
