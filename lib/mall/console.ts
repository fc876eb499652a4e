import type { Db } from "../db/client";
import { DomainError } from "../errors";
import { env } from "../env";
import { createRoom, mintToken } from "../livekit";
import { mallRoom } from "./calls";
import { getMallCallForAgent, getMallCallForParty, type ShopperRef } from "./ownership";
import { AUTO_AWAY_AFTER, AUTO_AWAY_NOTICE } from "./routing";
import { type AgentCallView, agentCallView, loadCallRow } from "./views";

export type ConsoleState = {
  shops: { slug: string; name: string; role: "owner" | "agent"; color: string; mark: string }[];
  status: "available" | "away";
  /** Why the agent is away when the portal set it (three rings missed in a row), until they come back. */
  notice: string | null;
  ringing: AgentCallView[];
  current: AgentCallView | null;
};

/** What the console opens with (and re-reads after a dropped connection). */
export async function consoleState(db: Db, memberId: string): Promise<ConsoleState> {
  const staff = await db.merchantStaff.findMany({
    where: { memberId },
    include: { merchant: { select: { slug: true, name: true, color: true, mark: true } } },
    orderBy: { merchant: { name: "asc" } },
  });
  if (!staff.length) throw new DomainError("FORBIDDEN", "The console is for the mall's sales agents: you do not work for any shop.");
  const now = new Date();
  const [ringing, current] = await Promise.all([
    db.mallCall.findMany({ where: { agentId: memberId, status: "ringing", ringUntil: { gt: now } }, select: { id: true } }),
    db.mallCall.findFirst({ where: { agentId: memberId, status: "connected" }, select: { id: true } }),
  ]);
  const view = async (id: string) => {
    const row = await loadCallRow(db, id);
    return row ? agentCallView(db, row, now) : null;
  };
  return {
    shops: staff.map((s) => ({
      slug: s.merchant.slug,
      name: s.merchant.name,
      role: s.role as "owner" | "agent",
      color: s.merchant.color,
      mark: s.merchant.mark,
    })),
    status: staff.some((s) => s.status === "available") ? "available" : "away",
    notice: staff.some((s) => s.status === "away" && s.missedInRow >= AUTO_AWAY_AFTER) ? AUTO_AWAY_NOTICE : null,
    ringing: (await Promise.all(ringing.map((r) => view(r.id)))).filter((v): v is AgentCallView => !!v),
    current: current ? await view(current.id) : null,
  };
}

/** A call as its agent sees it: the one rung or talking, never another shop's. */
export async function agentCall(db: Db, callId: string, memberId: string): Promise<AgentCallView> {
  return agentCallView(db, await getMallCallForAgent(db, { callId, agentId: memberId }));
}

/** A LiveKit token for a connected mall call's room: for its agent or its shopper, nobody else. */
export async function mallMediaGrant(db: Db, callId: string, who: ShopperRef & { name: string }) {
  const { row: call, role } = await getMallCallForParty(db, { callId, who });
  const isAgent = role === "agent";
  if (call.status !== "connected")
    throw new DomainError("CONFLICT", call.status === "ended" ? "This call has ended." : "The call is not connected yet.");
  const room = mallRoom(call.id);
  await createRoom(room);
  // A guest's identity carries their public id (lib/auth/guest-id.ts), never their cookie.
  const identity = isAgent ? who.memberId! : (who.memberId ?? `guest:${who.guestId}`);
  const token = await mintToken({ identity, name: who.name, room, video: true });
  return { url: env().LIVEKIT_URL, token, room, identity };
}
