import { route } from "@/app/_server/route";
import { json } from "@/lib/http/respond";
import { liveMall } from "@/lib/mall/visits";
import { mallDeps } from "../_deps";

/** The skyline's live layer (public, like the mall): availability, waits, and shoppers' avatars. */
export const GET = route({ access: "public" }, async () => {
  const { db } = await mallDeps();
  return json(await liveMall(db));
});
