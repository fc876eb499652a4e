import type { Db } from "../db/client";
import { DomainError } from "../errors";
import { isSequenceable, sequenceDigits } from "./sequence";

const COUNTER = "number-sequence";

/**
 * Takes the next index from the counter with one atomic UPDATE ... RETURNING,
 * so concurrent registrations never read the same value. Gaps are fine: an
 * index whose registration fails is simply never used.
 */
async function nextIndex(db: Db): Promise<number> {
  const rows = await db.$queryRaw<{ value: number | bigint }[]>`
    UPDATE "Counter" SET "value" = "value" + 1 WHERE "name" = ${COUNTER} RETURNING "value"`;
  if (rows[0]) return Number(rows[0].value) - 1;
  // First use: create the row; a concurrent creator wins and we retry the update.
  await db.counter.createMany({ data: [{ name: COUNTER, value: 0 }] }).catch(() => undefined);
  return nextIndex(db);
}

/**
 * The next number in sequence that is neither golden nor taken by a vanity
 * choice. Taken-ness is only known for sure when the insert succeeds, so the
 * caller passes `tryAssign`, which returns false on a unique violation.
 */
export async function allocateSequential<T>(db: Db, tryAssign: (digits: string) => Promise<T | false>): Promise<T> {
  for (let attempts = 0; attempts < 10_000; attempts++) {
    const digits = sequenceDigits(await nextIndex(db));
    if (!isSequenceable(digits)) continue;
    const result = await tryAssign(digits);
    if (result !== false) return result;
  }
  throw new DomainError("SEQUENCE_EXHAUSTED", "No sequential number could be assigned; please try again");
}
