import { route } from "@/app/_server/route";
import { unseenMissedCount } from "@/lib/calls/history";
import { json } from "@/lib/http/respond";
import { callDeps } from "../_deps";

/** How many missed calls the member has not looked at (the header's badge). */
export const GET = route({ access: "member" }, async ({ member }) => {
  const { db } = await callDeps();
  return json({ missed: await unseenMissedCount(db, member.id) });
});
