import { acceptCall, declineCall, type Deps, hangUpCall } from "./service";
import type { Call } from "./state";
import { passHunt } from "./sweep";

export type CallAction = "accept" | "decline" | "hangup";

/**
 * What a party does to a call from its page. A group member rung in a hunt who declines (or hangs
 * up while it rings) passes the call to the next member rather than ending it for the caller.
 */
export async function actOnCall(
  deps: Deps,
  input: { callId: string; memberId: string; action: CallAction; deviceId: string },
): Promise<Call> {
  const { callId, memberId } = input;
  if (input.action === "accept") return acceptCall(deps, callId, memberId, input.deviceId);
  const passed = await passHunt(deps, callId, memberId);
  if (passed) return passed;
  return input.action === "decline" ? declineCall(deps, callId, memberId) : hangUpCall(deps, callId, memberId);
}
