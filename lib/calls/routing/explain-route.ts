import type { Db } from "../../db/client";
import { DomainError } from "../../errors";
import { callerFacts } from "./load-facts";
import { routeCall } from "./route-call";
import type { RoutingStatus } from "./rules";

/** Who the member imagines calling, for "what happens if…". */
export type SupposedCaller = { type: "contact"; contactId: string; repeat: boolean } | { type: "stranger"; repeat: boolean };

export type ExplainedStep = {
  member: { handle: string; displayName: string; self: boolean };
  /** What happened with this member: rang (devices, seconds), forwarded, to the mailbox… */
  /** "their-rules": forwarded to this member, whose own rules (and presence) are theirs to know. */
  /** "group": forwarded to a group, whose members are rung in turn (`member` is the group then). */
  result: "rings" | "forwarded" | "busy" | "unavailable" | "mailbox" | "declined" | "loop" | "missed" | "their-rules" | "group";
  rang: string;
  reason: string;
};

export type Explanation = { steps: ExplainedStep[]; ringSeconds: number | null; note: string | null };

/** A caller id no member has: the rules of everyone on the path see a stranger. */
const STRANGER_ID = "what-if-stranger";

/**
 * The path a call would take now through the member's own rules, with the status and time they
 * suppose, up to the member they forward to: what that member's rules, presence and blocks would do
 * is not theirs to know. Reads only.
 */
export async function explainRoute(
  db: Db,
  input: { memberId: string; caller: SupposedCaller; at: Date; status: RoutingStatus },
): Promise<Explanation> {
  const { memberId, at } = input;
  let callerId = STRANGER_ID;
  if (input.caller.type === "contact") {
    const c = await db.contact.findFirst({
      where: { ownerId: memberId, contactId: input.caller.contactId, inBook: true },
      select: { contactId: true },
    });
    if (!c) throw new DomainError("NOT_FOUND", "That person is not in your address book.");
    callerId = c.contactId;
  }
  const facts = { ...(await callerFacts(db, memberId, callerId, at)), repeat: input.caller.repeat };
  const routed = await routeCall(db, {
    callerId,
    calleeId: memberId,
    path: [callerId, memberId],
    now: at,
    suppose: { status: input.status, caller: facts },
    firstHopOnly: true,
  });
  const people = await db.member.findMany({
    where: { id: { in: routed.legs.map((l) => l.memberId) } },
    select: { id: true, handle: true, displayName: true },
  });
  const byId = new Map(people.map((p) => [p.id, p]));
  const steps: ExplainedStep[] = routed.legs.map((l): ExplainedStep => {
    const p = byId.get(l.memberId);
    return {
      member: { handle: p?.handle ?? "", displayName: p?.displayName ?? "Someone", self: l.memberId === memberId },
      result:
        l.memberId !== memberId
          ? "their-rules"
          : l.result === null || l.result === "answered" || l.result === "canceled"
            ? "rings"
            : l.result,
      // Other members' devices are theirs to know.
      rang: l.memberId === memberId ? l.rang : "",
      reason: l.memberId === memberId ? l.reason : "",
    };
  });
  if (routed.toGroup) {
    const g = routed.toGroup;
    steps.push({ member: { handle: g.handle, displayName: g.name, self: false }, result: "group", rang: "", reason: "" });
  }
  const ringSeconds = routed.ring ? Math.round((routed.ring.until.getTime() - at.getTime()) / 1000) : null;
  return { steps, ringSeconds, note: routed.end?.note ?? null };
}
