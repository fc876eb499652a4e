import type { BusPublisher } from "../bus";
import type { Db } from "../db/client";
import { DomainError } from "../errors";
import { deleteRoom } from "../livekit";
import { abandonOpenOrder, openOrder, publishOrder } from "./orders";
import { getMallCallForAgent, getMallCallForShopper, type ShopperRef } from "./ownership";
import * as r from "./routing";
import { lockGuestCallCap } from "./guest-call-cap";
import { loadRouting, routingStep, saveRouting, type Tx } from "./routing-store";
import { agentCallView, averageCallMs, loadCallRow, shopperKey, shopperView } from "./views";

export type MallDeps = { db: Db; bus: BusPublisher; now?: () => Date };
export type Shopper = { memberId: string | null; guestId: string | null; name: string };

export const mallRoom = (callId: string) => `mall-${callId}`;
export const callIdOfMallRoom = (room: string) => (room.startsWith("mall-") ? room.slice(5) : null);

/** A shopper whose page stopped asking for this long has gone: their place in the queue is freed. */
export const SHOPPER_GONE_MS = 30_000;

const clock = (deps: MallDeps) => deps.now?.() ?? new Date();

/** Tells each agent and shopper what a routing step changed for them. */
async function publish(deps: MallDeps, merchantId: string, effects: r.Effect[], alsoCalls: string[] = []): Promise<void> {
  const { db, bus } = deps;
  const callIds = new Set(alsoCalls);
  for (const e of effects) if ("requestId" in e) callIds.add(e.requestId);
  for (const e of effects) {
    if (e.type === "stop-ringing") await bus.toMember(e.agentId, "mall-ring-stop", { callId: e.requestId });
    if (e.type === "auto-away") {
      await bus.toMember(e.agentId, "mall-console", { status: "away", notice: r.AUTO_AWAY_NOTICE });
    }
  }
  // Rings go out first: they need only the call, not the shop's routing state.
  for (const e of effects) {
    if (e.type !== "ring") continue;
    const row = await loadCallRow(db, e.requestId);
    if (row) await bus.toMember(e.agentId, "mall-ring", await agentCallView(db, row));
  }
  const routing = await loadRouting(db, merchantId, clock(deps));
  const avg = await averageCallMs(db, merchantId);
  const send = async (id: string) => {
    const row = await loadCallRow(db, id);
    if (row) await bus.toMember(shopperKey(row), "mall-call", await shopperView(db, row, routing, avg));
  };
  // Those whose call changed hear first; a mere move up the queue is sent after the answer (a long
  // queue would otherwise hold every hang-up and accept for a view per waiting shopper).
  const moved = new Set(effects.filter((e) => e.type === "queued").map((e) => e.requestId));
  for (const id of callIds) if (!moved.has(id) || alsoCalls.includes(id)) await send(id);
  const rest = [...callIds].filter((id) => moved.has(id) && !alsoCalls.includes(id));
  if (rest.length) {
    void (async () => {
      for (const id of rest) await send(id);
    })().catch((err) => console.error("mall: queue positions not sent", err));
  }
}

/** Staff would ring themselves or their colleagues: they take their shop's calls at the console. */
async function refuseOwnStaff(db: Db, merchant: { id: string; name: string }, memberId: string | null) {
  if (!memberId) return;
  if (await db.merchantStaff.findUnique({ where: { merchantId_memberId: { merchantId: merchant.id, memberId } } })) {
    throw new DomainError("CONFLICT", `You work at ${merchant.name}: take its calls at the console, or sign in as a shopper to try it.`);
  }
}

async function merchantBySlug(db: Db, slug: string) {
  const m = await db.merchant.findUnique({ where: { slug }, select: { id: true, name: true } });
  if (!m) throw new DomainError("NOT_FOUND", "No such shop in the mall.");
  return m;
}

/**
 * A shopper asks to talk to a shop: it rings the agent idle longest, or queues when all are busy,
 * or ends at once ("closed") when no agent is online, so the page offers a message instead.
 */
/**
 * `guestAddress`/`maxOpenPerAddress`: a guest is a fresh id for every browser without cookies, so
 * one-open-call-per-guest bounds nothing; open guest calls are bounded per client address instead.
 */
export async function requestAgent(
  deps: MallDeps,
  input: { merchantSlug: string; shopper: Shopper; fromPath: string; guestAddress?: string; maxOpenPerAddress?: number },
) {
  const { db } = deps;
  const now = clock(deps);
  const merchant = await merchantBySlug(db, input.merchantSlug);
  await refuseOwnStaff(db, merchant, input.shopper.memberId);
  const who = input.shopper.memberId ? { shopperMemberId: input.shopper.memberId } : { shopperGuestId: input.shopper.guestId };
  const open = await db.mallCall.findFirst({
    where: { ...who, status: { in: ["queued", "ringing", "connected"] } },
    select: { id: true, merchantId: true },
  });
  if (open) {
    if (open.merchantId === merchant.id) return open.id;
    throw new DomainError("CONFLICT", "You are already waiting for or talking to another shop: leave that call first.");
  }
  const guestAddress = input.shopper.memberId ? null : (input.guestAddress ?? null);
  const max = input.maxOpenPerAddress;
  const lockFirst = guestAddress && max ? (tx: Tx) => lockGuestCallCap(tx, { address: guestAddress, max, now }) : undefined;
  const { id, effects } = await routingStep(
    db,
    merchant.id,
    now,
    async (tx, loaded) => {
      const online = loaded.state.agents.filter((a) => a.status !== "away").length;
      const row = await tx.mallCall.create({
        data: {
          merchantId: merchant.id,
          kind: "call",
          shopperMemberId: input.shopper.memberId,
          shopperGuestId: input.shopper.guestId,
          shopperAddress: guestAddress,
          shopperName: input.shopper.name,
          fromPath: input.fromPath,
          status: online ? "queued" : "ended",
          outcome: online ? null : "closed",
          queuedAt: now,
          shopperSeenAt: now,
          endedAt: online ? null : now,
        },
      });
      if (!online) return { id: row.id, effects: [] as r.Effect[] };
      const step = r.request(loaded.state, { id: row.id }, now.getTime());
      await saveRouting(tx, merchant.id, loaded, step.state, now);
      return { id: row.id, effects: step.effects };
    },
    { lockFirst },
  );
  await publish(deps, merchant.id, effects, [id]);
  return id;
}

/** A registered shopper who left the shop a message asks to be called back: it queues like a call. */
export async function requestCallback(deps: MallDeps, input: { merchantSlug: string; memberId: string; name: string }) {
  const { db } = deps;
  const now = clock(deps);
  const merchant = await merchantBySlug(db, input.merchantSlug);
  await refuseOwnStaff(db, merchant, input.memberId);
  const pending = await db.mallCall.findFirst({
    where: { merchantId: merchant.id, shopperMemberId: input.memberId, kind: "callback", status: { in: ["queued", "ringing"] } },
  });
  if (pending) return pending.id;
  const { id, effects } = await routingStep(db, merchant.id, now, async (tx, loaded) => {
    // A callback waits however long it takes (the sweeper frees only live calls nobody watches).
    const row = await tx.mallCall.create({
      data: {
        merchantId: merchant.id,
        kind: "callback",
        shopperMemberId: input.memberId,
        shopperName: input.name,
        fromPath: "(callback)",
        status: "queued",
        queuedAt: now,
        shopperSeenAt: now,
      },
    });
    const step = r.request(loaded.state, { id: row.id, kind: "callback" }, now.getTime());
    await saveRouting(tx, merchant.id, loaded, step.state, now);
    return { id: row.id, effects: step.effects };
  });
  await publish(deps, merchant.id, effects, [id]);
  return id;
}

async function callOf(db: Db, callId: string) {
  const c = await db.mallCall.findUnique({ where: { id: callId }, include: { merchant: { select: { name: true } } } });
  if (!c) throw new DomainError("NOT_FOUND", "No such call.");
  return c;
}

/** The agent answers: the call connects and its order opens. */
export async function acceptRing(deps: MallDeps, callId: string, agentId: string) {
  const { db } = deps;
  const now = clock(deps);
  const call = await callOf(db, callId);
  const effects = await routingStep(db, call.merchantId, now, async (tx, loaded) => {
    const step = r.accept(loaded.state, callId, agentId, now.getTime());
    if ("error" in step) throw new DomainError("CONFLICT", step.error);
    await tx.mallCall.update({ where: { id: callId }, data: { status: "connected", agentId, answeredAt: now, ringUntil: null } });
    await tx.mallRing.updateMany({ where: { callId, agentId, result: "ringing" }, data: { result: "answered" } });
    await tx.merchantStaff.update({
      where: { merchantId_memberId: { merchantId: call.merchantId, memberId: agentId } },
      data: { missedInRow: 0 },
    });
    await openOrder(tx, { ...call, agentId }, call.merchant.name);
    return step.effects;
  });
  await publish(deps, call.merchantId, effects, [callId]);
  return callId;
}

/** The agent declines (or the ring times out): it rings the next agent. */
export async function endRing(deps: MallDeps, callId: string, agentId: string, how: "declined" | "timeout") {
  const { db } = deps;
  const now = clock(deps);
  const call = await callOf(db, callId);
  if (call.status !== "ringing" || call.agentId !== agentId) {
    if (how === "declined") throw new DomainError("CONFLICT", "This call is no longer ringing for you.");
    return;
  }
  const effects = await routingStep(db, call.merchantId, now, async (tx, loaded) => {
    const step = r.ringEnded(loaded.state, callId, agentId, how, now.getTime());
    await tx.mallRing.updateMany({
      where: { callId, agentId, result: "ringing" },
      data: { result: how === "timeout" ? "missed" : "declined" },
    });
    await saveRouting(tx, call.merchantId, loaded, step.state, now);
    return step.effects;
  });
  await publish(deps, call.merchantId, effects, [callId]);
}

/**
 * Either side ends a call: a shopper leaving the queue or a ringing call, or either party hanging
 * up a connected one. An agent who hangs up is free again and takes the head of the queue.
 */
export async function endCall(deps: MallDeps, callId: string, by: { agentId?: string; shopper?: boolean }, outcome?: "message" | "left") {
  const { db } = deps;
  const now = clock(deps);
  const call = await callOf(db, callId);
  if (call.status === "ended") return;
  const connected = call.status === "connected";
  const effects = await routingStep(db, call.merchantId, now, async (tx, loaded) => {
    const fresh = await tx.mallCall.findUnique({ where: { id: callId } });
    if (!fresh || fresh.status === "ended") return [] as r.Effect[];
    await tx.mallCall.update({
      where: { id: callId },
      data: {
        status: "ended",
        outcome: connected ? "completed" : (outcome ?? "left"),
        endedAt: now,
        endedBy: by.agentId ?? (by.shopper ? "shopper" : "system"),
        ringUntil: null,
      },
    });
    await tx.mallRing.updateMany({ where: { callId, result: "ringing" }, data: { result: "canceled" } });
    await abandonOpenOrder(tx, callId, now);
    let step = r.leave(loaded.state, callId);
    if (connected && fresh.agentId && loaded.staffStatus.get(fresh.agentId) === "available") {
      const agentFree = r.agentFree(
        { ...step.state, agents: step.state.agents.map((a) => (a.id === fresh.agentId ? { ...a, status: "busy" } : a)) },
        fresh.agentId,
        now.getTime(),
      );
      step = { state: agentFree.state, effects: [...step.effects, ...agentFree.effects] };
    }
    await saveRouting(tx, call.merchantId, loaded, step.state, now);
    return step.effects;
  });
  if (connected) await deleteRoom(mallRoom(callId)).catch(() => undefined);
  if (call.agentId) await deps.bus.toMember(call.agentId, "mall-ring-stop", { callId });
  await publish(deps, call.merchantId, effects, [callId]);
  if (call.agentId) {
    const row = await loadCallRow(db, callId);
    if (row) await deps.bus.toMember(call.agentId, "mall-agent-call", await agentCallView(db, row));
  }
  if (connected) await publishOrder(deps, callId).catch(() => undefined);
}

/** The agent at the console chooses available or away (for every shop they work for). */
export async function setAgentStatus(deps: MallDeps, memberId: string, status: "available" | "away") {
  const { db } = deps;
  const now = clock(deps);
  const staff = await db.merchantStaff.findMany({ where: { memberId }, select: { merchantId: true } });
  if (!staff.length) throw new DomainError("FORBIDDEN", "You do not work for any shop in the mall.");
  for (const { merchantId } of staff) {
    const effects = await routingStep(db, merchantId, now, async (tx, loaded) => {
      await tx.merchantStaff.update({
        where: { merchantId_memberId: { merchantId, memberId } },
        data: { status, ...(status === "available" ? { missedInRow: 0 } : {}) },
      });
      const me = loaded.state.agents.find((a) => a.id === memberId);
      if (status === "away" || !me || me.status === "busy") return [] as r.Effect[];
      const step = r.agentFree(loaded.state, memberId, now.getTime());
      await saveRouting(
        tx,
        merchantId,
        { ...loaded, staffStatus: new Map(loaded.staffStatus).set(memberId, "available") },
        step.state,
        now,
      );
      return step.effects;
    });
    await publish(deps, merchantId, effects);
  }
}

/** The shopper's page is still open: keeps their place; returns their view. */
export async function shopperCall(deps: MallDeps, callId: string, who: ShopperRef, opts: { keepPlace?: boolean } = {}) {
  const { db } = deps;
  const now = clock(deps);
  const row = await getMallCallForShopper(db, { callId, shopper: who });
  // Only the page's own POSTs keep the place: a GET (a render, a prefetch) changes nothing.
  if (opts.keepPlace && row.status !== "ended" && row.kind === "call" && now.getTime() - row.shopperSeenAt.getTime() > 5_000) {
    await db.mallCall.update({ where: { id: callId }, data: { shopperSeenAt: now } });
  }
  const routing = row.status === "queued" || row.status === "ringing" ? await loadRouting(db, row.merchantId, now) : null;
  return shopperView(db, row, routing, await averageCallMs(db, row.merchantId));
}

/** The server's clock for routing: rings past their 15 seconds move on; queue places nobody watches are freed. */
export async function sweepMall(deps: MallDeps): Promise<number> {
  const { db } = deps;
  const now = clock(deps);
  const rings = await db.mallCall.findMany({
    where: { status: "ringing", ringUntil: { lte: now } },
    select: { id: true, agentId: true },
    take: 200,
  });
  let n = 0;
  for (const c of rings) {
    if (!c.agentId) continue;
    await endRing(deps, c.id, c.agentId, "timeout").catch(() => undefined);
    n++;
  }
  const gone = await db.mallCall.findMany({
    where: { kind: "call", status: { in: ["queued", "ringing"] }, shopperSeenAt: { lt: new Date(now.getTime() - SHOPPER_GONE_MS) } },
    select: { id: true },
    take: 200,
  });
  for (const c of gone) {
    await endCall(deps, c.id, {}, "left").catch(() => undefined);
    n++;
  }
  return n;
}

/** Pushes a product of the shop to the shopper's screen. */
export async function showProduct(deps: MallDeps, callId: string, agentId: string, productId: string) {
  const call = await getMallCallForAgent(deps.db, { callId, agentId });
  if (call.status !== "connected") throw new DomainError("CONFLICT", "The call is not connected: there is nobody to show it to.");
  const product = await deps.db.product.findFirst({ where: { id: productId, merchantId: call.merchantId }, select: { id: true } });
  if (!product) throw new DomainError("NOT_FOUND", "That product is not sold here.");
  await deps.db.mallCall.update({ where: { id: callId }, data: { shownProductId: product.id } });
  await publish(deps, call.merchantId, [], [callId]);
}

/** The shopper's page says whether their camera is on: the agent must see them to verify age. */
export async function setShopperCamera(deps: MallDeps, callId: string, who: ShopperRef, on: boolean) {
  const call = await getMallCallForShopper(deps.db, { callId, shopper: who });
  if (call.shopperCameraOn === on) return;
  await deps.db.mallCall.update({ where: { id: callId }, data: { shopperCameraOn: on } });
  if (call.agentId) {
    const row = await loadCallRow(deps.db, callId);
    if (row) await deps.bus.toMember(call.agentId, "mall-agent-call", await agentCallView(deps.db, row));
  }
}
