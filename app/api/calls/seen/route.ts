import { route } from "@/app/_server/route";
import { markMissedSeen } from "@/lib/calls/history";
import { json } from "@/lib/http/respond";
import { callDeps } from "../_deps";

/** The member has seen their missed calls (sent by /calls once it is shown; a GET never writes). Every device's badge clears. */
export const POST = route({ access: "member" }, async ({ member }) => {
  const { db, bus } = await callDeps();
  const seen = await markMissedSeen(db, member.id);
  if (seen > 0) await bus.toMember(member.id, "calls-seen", { seen }).catch(() => undefined);
  return json({ seen });
});
