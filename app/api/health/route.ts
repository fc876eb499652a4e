import { route } from "@/app/_server/route";
import { db } from "@/lib/db/client";
import { json } from "@/lib/http/respond";

/** Liveness for the launcher and tests: the database answers. */
export const GET = route({ access: "public" }, async () => {
  await (await db()).$queryRawUnsafe("SELECT 1");
  return json({ ok: true });
});
