/**
 * Which sales agent a shopper's call rings, as a pure state machine (no clock, no database): the
 * service layer stores the state and feeds it events with the time.
 *
 * - A call rings the available agent idle longest; unanswered in RING_MS, it rings the next one
 *   (never the same agent twice for one call while others remain).
 * - With every agent busy, the call waits in a first-come queue; callbacks (a shopper who left a
 *   message asking to be called) queue the same way, by when they were asked for.
 * - An agent who lets AUTO_AWAY_AFTER calls in a row ring out is set away, with a notice.
 * - A shopper queued longer than OFFER_MESSAGE_AFTER_MS is offered a video message instead.
 */
/** The default; deployments set MALL_AGENT_RING_SECONDS (carried in the state as ringMs). */
export const RING_MS = 15_000;
export const AUTO_AWAY_AFTER = 3;
export const OFFER_MESSAGE_AFTER_MS = 90_000;
export const AUTO_AWAY_NOTICE = `You missed ${AUTO_AWAY_AFTER} calls in a row, so we set you away. Set yourself available when you are back.`;

export type AgentStatus = "available" | "away" | "busy";
export type Agent = { id: string; status: AgentStatus; idleSince: number; missedInRow: number };
export type Waiting = { id: string; kind: "call" | "callback"; since: number; tried: string[] };
/** A request being rung: it keeps when it first asked and whom it has rung, in case this ring fails. */
export type Ring = { requestId: string; agentId: string; until: number; since: number; kind: Waiting["kind"]; tried: string[] };
export type RoutingState = { agents: Agent[]; queue: Waiting[]; rings: Ring[]; ringMs?: number };

export type Effect =
  | { type: "ring"; requestId: string; agentId: string; until: number; kind: Waiting["kind"] }
  | { type: "stop-ringing"; requestId: string; agentId: string }
  | { type: "connected"; requestId: string; agentId: string }
  | { type: "queued"; requestId: string; position: number }
  | { type: "auto-away"; agentId: string };

type Result = { state: RoutingState; effects: Effect[] };

const ringing = (s: RoutingState, agentId: string) => s.rings.some((r) => r.agentId === agentId);

/** The available agent idle longest who is not ringing and has not been tried for this call. */
export function pickAgent(s: RoutingState, tried: string[] = []): Agent | null {
  const free = s.agents.filter((a) => a.status === "available" && !ringing(s, a.id) && !tried.includes(a.id));
  free.sort((a, b) => a.idleSince - b.idleSince || a.id.localeCompare(b.id));
  return free[0] ?? null;
}

/** Rings someone for each waiting request, in queue order, while agents are free. */
function dispatch(s: RoutingState, now: number, effects: Effect[]): RoutingState {
  let state = s;
  for (const w of [...state.queue]) {
    let agent = pickAgent(state, w.tried);
    // Everyone free has been tried already: start again rather than leave the shopper waiting.
    if (!agent && w.tried.length) agent = pickAgent(state);
    if (!agent) continue;
    const ring: Ring = {
      requestId: w.id,
      agentId: agent.id,
      until: now + (state.ringMs ?? RING_MS),
      since: w.since,
      kind: w.kind,
      tried: [...w.tried.filter((t) => t !== agent.id), agent.id],
    };
    state = { ...state, queue: state.queue.filter((q) => q.id !== w.id), rings: [...state.rings, ring] };
    effects.push({ type: "ring", requestId: ring.requestId, agentId: ring.agentId, until: ring.until, kind: ring.kind });
  }
  state.queue.forEach((w, i) => effects.push({ type: "queued", requestId: w.id, position: i + 1 }));
  return state;
}

function requeue(s: RoutingState, ring: Ring): RoutingState {
  const w: Waiting = { id: ring.requestId, kind: ring.kind, since: ring.since, tried: ring.tried };
  // Back in line by the time it first asked, not at the end.
  const queue = [...s.queue, w].sort((a, b) => a.since - b.since || a.id.localeCompare(b.id));
  return { ...s, queue };
}

/** A shopper asks for an agent (or a callback comes due). */
export function request(s: RoutingState, w: { id: string; kind?: Waiting["kind"] }, now: number): Result {
  const effects: Effect[] = [];
  const state = dispatch({ ...s, queue: [...s.queue, { id: w.id, kind: w.kind ?? "call", since: now, tried: [] }] }, now, effects);
  return { state, effects };
}

export function accept(s: RoutingState, requestId: string, agentId: string, _now: number): Result | { error: string } {
  const ring = s.rings.find((r) => r.requestId === requestId && r.agentId === agentId);
  if (!ring) return { error: "This call is no longer ringing for you." };
  const agents = s.agents.map((a) => (a.id === agentId ? { ...a, status: "busy" as const, missedInRow: 0 } : a));
  return { state: { ...s, agents, rings: s.rings.filter((r) => r !== ring) }, effects: [{ type: "connected", requestId, agentId }] };
}

/** The ring ran out (missed) or the agent declined: the call moves on to the next agent. */
export function ringEnded(s: RoutingState, requestId: string, agentId: string, how: "timeout" | "declined", now: number): Result {
  const ring = s.rings.find((r) => r.requestId === requestId && r.agentId === agentId);
  if (!ring) return { state: s, effects: [] };
  const effects: Effect[] = [{ type: "stop-ringing", requestId, agentId }];
  let agents = s.agents;
  if (how === "timeout") {
    agents = agents.map((a) => {
      if (a.id !== agentId) return a;
      const missedInRow = a.missedInRow + 1;
      if (missedInRow >= AUTO_AWAY_AFTER) {
        effects.push({ type: "auto-away", agentId });
        return { ...a, missedInRow, status: "away" as const };
      }
      return { ...a, missedInRow };
    });
  }
  const state = requeue({ ...s, agents, rings: s.rings.filter((r) => r !== ring) }, ring);
  return { state: dispatch(state, now, effects), effects };
}

/** Rings whose time is up, for the sweeper to end with ringEnded(..., "timeout"). */
export const expiredRings = (s: RoutingState, now: number) => s.rings.filter((r) => r.until <= now);

/** An agent becomes free (call ended, or set available): they are idle from now, and take the head of the queue. */
export function agentFree(s: RoutingState, agentId: string, now: number): Result {
  const agents = s.agents.map((a) =>
    a.id === agentId ? { ...a, status: "available" as const, idleSince: now, ...(a.status === "away" ? { missedInRow: 0 } : {}) } : a,
  );
  const effects: Effect[] = [];
  return { state: dispatch({ ...s, agents }, now, effects), effects };
}

export function agentAway(s: RoutingState, agentId: string): RoutingState {
  return { ...s, agents: s.agents.map((a) => (a.id === agentId ? { ...a, status: "away" as const } : a)) };
}

/** The shopper gives up: out of the queue, or the ringing stops. */
export function leave(s: RoutingState, requestId: string): Result {
  const effects: Effect[] = s.rings
    .filter((r) => r.requestId === requestId)
    .map((r) => ({ type: "stop-ringing" as const, requestId, agentId: r.agentId }));
  const queue = s.queue.filter((w) => w.id !== requestId);
  queue.forEach((w, i) => effects.push({ type: "queued", requestId: w.id, position: i + 1 }));
  return { state: { ...s, queue, rings: s.rings.filter((r) => r.requestId !== requestId) }, effects };
}

export function position(s: RoutingState, requestId: string): number | null {
  const i = s.queue.findIndex((w) => w.id === requestId);
  return i < 0 ? null : i + 1;
}

/** Expected wait: the people ahead (and oneself) shared among the agents at work, each taking an average call. */
export function estimatedWaitMs(s: RoutingState, requestId: string, averageCallMs: number): number | null {
  const p = position(s, requestId);
  if (p === null) return null;
  const working = s.agents.filter((a) => a.status !== "away").length;
  if (working === 0) return null;
  return Math.ceil(p / working) * averageCallMs;
}

export const offerMessage = (w: Waiting, now: number, agentsOnline: number) =>
  agentsOnline === 0 || now - w.since >= OFFER_MESSAGE_AFTER_MS;
