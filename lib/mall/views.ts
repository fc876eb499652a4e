import type { Db } from "../db/client";
import type { Prisma } from "../db/generated/sqlite/client";
import { guestKey } from "../presence/tickets";
import { type ProductView, productView } from "./catalogue";
import { ORDER_VIEW_INCLUDE, type OrderView, orderView } from "./orders";
import * as r from "./routing";
import type { Loaded } from "./routing-store";

export type MallCallStatus = "queued" | "ringing" | "connected" | "ended";
export type MallOutcome = "completed" | "left" | "closed" | "message" | "unanswered";

const OUTCOME_TEXT: Record<MallOutcome, string> = {
  completed: "The call has ended.",
  left: "You left the queue.",
  closed: "No sales agent is online right now.",
  message: "You chose to leave a message.",
  unanswered: "Nobody could take the call.",
};

/** A call row with what its views need. */
export type CallRow = Awaited<ReturnType<typeof loadCallRow>>;

/** `owner`: who must be a party to it, in the `where` clause (lib/mall/ownership.ts). */
export async function loadCallRow(db: Pick<Db, "mallCall">, id: string, owner: Prisma.MallCallWhereInput = {}) {
  return db.mallCall.findFirst({
    where: { ...owner, id },
    include: {
      merchant: {
        select: {
          id: true,
          slug: true,
          name: true,
          category: true,
          color: true,
          accent: true,
          mark: true,
          staff: { where: { role: "owner" }, select: { member: { select: { handle: true } } } },
        },
      },
    },
  });
}

export const shopperKey = (c: { shopperMemberId: string | null; shopperGuestId: string | null }) =>
  c.shopperMemberId ?? guestKey(c.shopperGuestId ?? "");

export type MerchantBrief = {
  slug: string;
  name: string;
  category: string;
  color: string;
  accent: string;
  mark: string;
  ownerHandle: string | null;
};
const brief = (c: NonNullable<CallRow>): MerchantBrief => ({
  slug: c.merchant.slug,
  name: c.merchant.name,
  category: c.merchant.category,
  color: c.merchant.color,
  accent: c.merchant.accent,
  mark: c.merchant.mark,
  ownerHandle: c.merchant.staff[0]?.member.handle ?? null,
});

/** What the shopper's screen shows: where they stand, who they talk to, what the agent shows, the cart. */
export type ShopperView = {
  id: string;
  kind: "call" | "callback";
  status: MallCallStatus;
  outcome: MallOutcome | null;
  outcomeText: string | null;
  merchant: MerchantBrief;
  agent: { name: string } | null;
  position: number | null;
  waitMs: number | null;
  /** When the shopper is offered a message instead of waiting on (now, if nobody is online). */
  offerMessageAt: string;
  agentsOnline: number;
  shownProduct: ProductView | null;
  order: OrderView | null;
  answeredAt: string | null;
};

/** What the agent's console shows about a call ringing or in progress. */
export type AgentCallView = {
  id: string;
  kind: "call" | "callback";
  status: MallCallStatus;
  outcome: MallOutcome | null;
  merchant: MerchantBrief;
  shopper: { name: string; guest: boolean; ageKnown: boolean; fromPath: string };
  ringUntil: string | null;
  waitedMs: number;
  answeredAt: string | null;
  shownProduct: ProductView | null;
  shopperCameraOn: boolean;
  order: OrderView | null;
};

/** The merchant's average talk time over its last calls, for the wait estimate (3 minutes before there are any). */
export async function averageCallMs(db: Pick<Db, "mallCall">, merchantId: string): Promise<number> {
  const recent = await db.mallCall.findMany({
    where: { merchantId, outcome: "completed", answeredAt: { not: null } },
    orderBy: { endedAt: "desc" },
    take: 20,
    select: { answeredAt: true, endedAt: true },
  });
  if (!recent.length) return 180_000;
  const total = recent.reduce((s, c) => s + Math.max(0, (c.endedAt?.getTime() ?? 0) - (c.answeredAt?.getTime() ?? 0)), 0);
  return Math.max(30_000, Math.round(total / recent.length));
}

async function shown(db: Db, c: NonNullable<CallRow>): Promise<ProductView | null> {
  if (!c.shownProductId) return null;
  const p = await db.product.findUnique({ where: { id: c.shownProductId }, include: { category: { select: { name: true } } } });
  return p ? productView(c.merchant.slug, p, p.category.name) : null;
}

export async function shopperView(db: Db, c: NonNullable<CallRow>, routing: Loaded | null, avgMs: number): Promise<ShopperView> {
  const agent =
    c.agentId && c.status === "connected" ? await db.member.findUnique({ where: { id: c.agentId }, select: { displayName: true } }) : null;
  const state = routing?.state;
  const online = state ? state.agents.filter((a) => a.status !== "away").length : 0;
  // An order opens when an agent answers: a waiting shopper has none (saves a query per queue place).
  const order = c.answeredAt ? await db.order.findUnique({ where: { callId: c.id }, include: ORDER_VIEW_INCLUDE }) : null;
  return {
    id: c.id,
    kind: c.kind as ShopperView["kind"],
    status: c.status as MallCallStatus,
    outcome: c.outcome as MallOutcome | null,
    outcomeText: c.outcome ? (OUTCOME_TEXT[c.outcome as MallOutcome] ?? null) : null,
    merchant: brief(c),
    agent: agent ? { name: agent.displayName.split(" ")[0] ?? agent.displayName } : null,
    position: state ? r.position(state, c.id) : null,
    waitMs: state ? r.estimatedWaitMs(state, c.id, avgMs) : null,
    offerMessageAt: new Date(online === 0 ? c.queuedAt.getTime() : c.queuedAt.getTime() + r.OFFER_MESSAGE_AFTER_MS).toISOString(),
    agentsOnline: online,
    shownProduct: await shown(db, c),
    order: order ? orderView(c.merchant.slug, order) : null,
    answeredAt: c.answeredAt?.toISOString() ?? null,
  };
}

export async function agentCallView(db: Db, c: NonNullable<CallRow>, now = new Date()): Promise<AgentCallView> {
  const order = await db.order.findUnique({ where: { callId: c.id }, include: ORDER_VIEW_INCLUDE });
  return {
    id: c.id,
    kind: c.kind as AgentCallView["kind"],
    status: c.status as MallCallStatus,
    outcome: c.outcome as MallOutcome | null,
    merchant: brief(c),
    // A member's birth date is on record; a guest's age is unknown until they register.
    shopper: { name: c.shopperName, guest: !c.shopperMemberId, ageKnown: !!c.shopperMemberId, fromPath: c.fromPath },
    ringUntil: c.ringUntil?.toISOString() ?? null,
    waitedMs: Math.max(0, (c.answeredAt ?? now).getTime() - c.queuedAt.getTime()),
    answeredAt: c.answeredAt?.toISOString() ?? null,
    shownProduct: await shown(db, c),
    shopperCameraOn: c.shopperCameraOn,
    order: order ? orderView(c.merchant.slug, order) : null,
  };
}
