import type { Db } from "../db/client";
import { cityKey, nameKey } from "./search-keys";

/** Fills search keys of members created before the keys existed (run after migrations). */
export async function backfillSearchKeys(db: Db): Promise<number> {
  let done = 0;
  for (;;) {
    const batch = await db.member.findMany({ where: { nameKey: "" }, select: { id: true, displayName: true, city: true }, take: 500 });
    if (batch.length === 0) return done;
    await db.$transaction(batch.map((m) => db.member.update({ where: { id: m.id }, data: { nameKey: nameKey(m.displayName), cityKey: cityKey(m.city) } })));
    done += batch.length;
  }
}
