import { z } from "zod";
import { limitCalls } from "@/app/_server/limits";
import { route } from "@/app/_server/route";
import { callHistory, markMissedSeen } from "@/lib/calls/history";
import { resolveCallee } from "@/lib/calls/resolve-callee";
import { placeCall, viewFor } from "@/lib/calls/service";
import { json } from "@/lib/http/respond";
import { callDeps } from "./_deps";

const placeBody = z
  .object({
    number: z.string().trim().max(40).optional(),
    handle: z.string().trim().max(64).optional(),
    kind: z.enum(["video", "voice"], { error: "Choose a video or a voice call" }).default("video"),
  })
  .refine((b) => b.number || b.handle, { message: "Enter the number to call" });

/** Places a call: it rings the callee's devices, or ends at once with the reason they cannot answer. */
export const POST = route({ access: "member", body: placeBody }, async ({ member, body }) => {
  await limitCalls(member.id);
  const deps = await callDeps();
  const calleeId = await resolveCallee(deps.db, body);
  const call = await placeCall(deps, { callerId: member.id, calleeId, kind: body.kind });
  return json(await viewFor(deps.db, call, member.id), { status: 201 });
});

/** The member's recent calls, newest first. */
export const GET = route({ access: "member" }, async ({ member }) => {
  const deps = await callDeps();
  return json({ calls: await callHistory(deps.db, member.id) });
});

/** Marks the member's missed calls as seen. */
export const PATCH = route({ access: "member", body: z.object({ seen: z.literal(true) }) }, async ({ member }) => {
  const deps = await callDeps();
  const marked = await markMissedSeen(deps.db, member.id);
  if (marked > 0) await deps.bus.toMember(member.id, "calls-seen", { seen: marked }).catch(() => undefined);
  return json({ marked });
});
