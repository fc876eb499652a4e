import type { Db } from "./client";

/** Liveness: the database answers a trivial query. */
export async function databaseAnswers(db: Db): Promise<void> {
  await db.$queryRawUnsafe("SELECT 1");
}
