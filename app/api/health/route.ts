import { route } from "@/app/_server/route";
import { db } from "@/lib/db/client";
import { databaseAnswers } from "@/lib/db/health";
import { json } from "@/lib/http/respond";

/** Liveness for the launcher and tests: the database answers. */
export const GET = route({ access: "public" }, async () => {
  await databaseAnswers(await db());
  return json({ ok: true });
});
