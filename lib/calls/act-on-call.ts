import { answeredHere, isLetIn } from "./media";
import { acceptCall, declineCall, type Deps, hangUpCall } from "./service";
import type { Call } from "./state";
import { passHunt } from "./sweep";

export type CallAction = "accept" | "decline" | "hangup";

/**
 * What a party does to a call from its page. A group member rung in a hunt who declines (or hangs
 * up while it rings) passes the call to the next member rather than ending it for the caller.
 * Accepting on a page that joined the room while it rang (`tab`) lets that page into the call;
 * `inRoom` says whether it was there to be let in.
 */
export async function actOnCall(
  deps: Deps,
  input: { callId: string; memberId: string; action: CallAction; deviceId: string; tab?: string },
): Promise<{ call: Call; inRoom?: boolean }> {
  const { callId, memberId } = input;
  if (input.action === "accept") {
    const tab = input.tab;
    let inRoom: boolean | undefined;
    // The page is let in as soon as the answer is written: its media starts while the parties are told.
    const letIn = async (c: Call) => {
      if (tab && c.status === "connected" && c.calleeId === memberId)
        inRoom = await answeredHere(callId, memberId, tab, c.kind === "video");
    };
    const call = await acceptCall(deps, callId, memberId, input.deviceId, tab ? letIn : undefined);
    if (!tab || call.status !== "connected" || call.calleeId !== memberId) return { call };
    // An answer repeated (nothing written this time): whether this page was let in the first time.
    return { call, inRoom: inRoom ?? (await isLetIn(callId, memberId, tab)) };
  }
  const passed = await passHunt(deps, callId, memberId);
  if (passed) return { call: passed };
  return { call: input.action === "decline" ? await declineCall(deps, callId, memberId) : await hangUpCall(deps, callId, memberId) };
}
