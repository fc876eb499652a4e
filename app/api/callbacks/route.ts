import { limitCalls } from "@/app/_server/limits";
import { route } from "@/app/_server/route";
import { listCallbacks, requestCallback } from "@/lib/calls/callbacks";
import { requestCallbackBody } from "@/lib/calls/callback-schemas";
import { json } from "@/lib/http/respond";
import { callDeps } from "../calls/_deps";

/** "Call me when free" requests of the last day, both ways. */
export const GET = route({ access: "member" }, async ({ member }) => {
  const { db } = await callDeps();
  return json({ callbacks: await listCallbacks(db, member.id) });
});

/** The caller of an unanswered call asks to be connected when the member is free. */
export const POST = route({ access: "member", body: requestCallbackBody }, async ({ member, body }) => {
  // Counted with calls: each request reaches another member.
  await limitCalls(member.id);
  return json({ callback: await requestCallback(await callDeps(), { askerId: member.id, callId: body.callId }) }, { status: 201 });
});
