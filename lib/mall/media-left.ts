import { endCall } from "./calls";
import type { MallDeps } from "./calls";

/** LiveKit says a party's media left a mall call's room (a closed tab, a lost connection): the call ends. */
export async function mallMediaLeft(deps: MallDeps, mallCallId: string, memberId: string): Promise<void> {
  const call = await deps.db.mallCall.findUnique({ where: { id: mallCallId }, select: { agentId: true, status: true } });
  if (call?.status === "connected") await endCall(deps, mallCallId, call.agentId === memberId ? { agentId: memberId } : { shopper: true });
}
