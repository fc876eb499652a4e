import { type Db, directPgStatement } from "../db/client";
import { Prisma } from "../db/generated/sqlite/client";
import { DomainError } from "../errors";
import { isSequenceable, sequenceDigits } from "./sequence";

const COUNTER = "number-sequence";

/**
 * Takes the next index from the counter with one atomic UPDATE ... RETURNING,
 * so concurrent registrations never read the same value. Gaps are fine: an
 * index whose registration fails is simply never used.
 */
async function nextIndex(db: Db): Promise<number> {
  const take = Prisma.sql`UPDATE "Counter" SET "value" = "value" + 1 WHERE "name" = ${COUNTER} RETURNING "value"`;
  // Straight through pg where there is one: Prisma's raw path costs the web server's thread more than the update.
  const pg = directPgStatement(db);
  const rows = pg ? await pg<{ value: number | bigint }>(take) : await db.$queryRaw<{ value: number | bigint }[]>(take);
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
