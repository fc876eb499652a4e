import { route } from "@/app/_server/route";
import { markMissedSeen } from "@/lib/calls/history";
import { json } from "@/lib/http/respond";
import { callDeps } from "../_deps";

/** The member has seen their missed calls (sent by /calls once it is shown; a GET never writes). */
export const POST = route({ access: "member" }, async ({ member }) => {
  const { db } = await callDeps();
  return json({ seen: await markMissedSeen(db, member.id) });
});
