import type { Db } from "../db/client";
import { DomainError } from "../errors";
import { loadCallRow } from "./views";

/**
 * Loading a mall call or an order *for a party*: the party is part of the `where` clause, so a row
 * that is not theirs is never read, and they get the same 404 as for a row that does not exist.
 * These replace the "is this the shopper?" comparisons once repeated after each load.
 */
export type ShopperRef = { memberId: string | null; guestId: string | null };

/** The `where` naming a shopper's own calls or orders (both carry the shopper's ids); matches nothing for nobody. */
export function ownedByShopper(s: ShopperRef) {
  const or = [...(s.memberId ? [{ shopperMemberId: s.memberId }] : []), ...(s.guestId ? [{ shopperGuestId: s.guestId }] : [])];
  return or.length ? { OR: or } : { id: { in: [] as string[] } };
}

const noCall = () => new DomainError("NOT_FOUND", "No such call.");

/** The shopper's own call (as a guest: by their public id). */
export async function getMallCallForShopper(db: Pick<Db, "mallCall">, input: { callId: string; shopper: ShopperRef }) {
  const row = await loadCallRow(db, input.callId, ownedByShopper(input.shopper));
  if (!row) throw noCall();
  return row;
}

/** A call rung to or answered by this agent: never another agent's, never another shop's. */
export async function getMallCallForAgent(db: Pick<Db, "mallCall">, input: { callId: string; agentId: string }) {
  const row = await loadCallRow(db, input.callId, { agentId: input.agentId });
  if (!row) throw noCall();
  return row;
}

/** A call for whichever of its two parties is asking: its agent (a member) or its shopper. */
export async function getMallCallForParty(db: Pick<Db, "mallCall">, input: { callId: string; who: ShopperRef }) {
  const { memberId } = input.who;
  const row = await loadCallRow(db, input.callId, { OR: [...(memberId ? [{ agentId: memberId }] : []), ownedByShopper(input.who)] });
  if (!row) throw noCall();
  return { row, role: memberId && row.agentId === memberId ? ("agent" as const) : ("shopper" as const) };
}

/** The order's shop staff see it (with the trail), its shopper sees it; anyone else learns nothing. */
export async function getOrderForParty(db: Db, input: { orderId: string; who: ShopperRef }) {
  const { memberId } = input.who;
  const staffWhere = memberId ? [{ merchant: { staff: { some: { memberId } } } }] : [];
  const o = await db.order.findFirst({
    where: { id: input.orderId, OR: [ownedByShopper(input.who), ...staffWhere] },
    include: {
      items: true,
      merchant: { select: { slug: true, name: true, staff: { where: { memberId: memberId ?? "" }, select: { id: true } } } },
      events: { orderBy: { at: "asc" } },
    },
  });
  if (!o) throw new DomainError("NOT_FOUND", "No such order.");
  return { order: o, staff: o.merchant.staff.length > 0 };
}

/** Who is changing a call's order: its agent, or else whoever the shopper is (changeOrder then checks that too). */
export async function orderPartyOf(db: Pick<Db, "mallCall">, input: { callId: string; who: ShopperRef }) {
  const { memberId, guestId } = input.who;
  const asAgent = memberId ? await db.mallCall.findFirst({ where: { id: input.callId, agentId: memberId }, select: { id: true } }) : null;
  return asAgent && memberId ? { kind: "agent" as const, memberId } : { kind: "shopper" as const, memberId, guestId };
}
