import { describe, expect, it } from "vitest";
import {
  accept,
  agentAway,
  agentFree,
  AUTO_AWAY_AFTER,
  estimatedWaitMs,
  expiredRings,
  leave,
  offerMessage,
  pickAgent,
  position,
  request,
  RING_MS,
  ringEnded,
  type Agent,
  type RoutingState,
} from "./routing";

const agent = (id: string, idleSince: number, status: Agent["status"] = "available"): Agent => ({ id, status, idleSince, missedInRow: 0 });
const mall = (...agents: Agent[]): RoutingState => ({ agents, queue: [], rings: [] });
const ringsOf = (s: RoutingState) => s.rings.map((r) => `${r.requestId}->${r.agentId}`);

describe("mall call routing", () => {
  it("rings the available agent idle longest, never an away or busy one", () => {
    const s = mall(agent("ann", 300), agent("bob", 100, "away"), agent("cy", 200), agent("dee", 50, "busy"));
    expect(pickAgent(s)?.id).toBe("cy");
    const { state, effects } = request(s, { id: "call1" }, 1000);
    expect(ringsOf(state)).toEqual(["call1->cy"]);
    expect(effects).toContainEqual({ type: "ring", requestId: "call1", agentId: "cy", until: 1000 + RING_MS, kind: "call" });
    // The next call goes to the next longest idle: cy is ringing.
    expect(ringsOf(request(state, { id: "call2" }, 1001).state)).toEqual(["call1->cy", "call2->ann"]);
  });

  it("moves an unanswered call to the next agent after 15 seconds, and back to the first only when nobody else is left", () => {
    let s = request(mall(agent("ann", 1), agent("bob", 2)), { id: "c" }, 0).state;
    expect(expiredRings(s, RING_MS - 1)).toHaveLength(0);
    expect(expiredRings(s, RING_MS)).toHaveLength(1);
    s = ringEnded(s, "c", "ann", "timeout", RING_MS).state;
    expect(ringsOf(s)).toEqual(["c->bob"]);
    s = ringEnded(s, "c", "bob", "timeout", 2 * RING_MS).state;
    expect(ringsOf(s)).toEqual(["c->ann"]);
  });

  it("rings each agent for the shop's ring time when the state carries one", () => {
    let s = request({ ...mall(agent("ann", 1), agent("bob", 2)), ringMs: 8_000 }, { id: "c" }, 0).state;
    expect(s.rings[0]?.until).toBe(8_000);
    expect(expiredRings(s, 8_000)).toHaveLength(1);
    s = ringEnded(s, "c", "ann", "timeout", 8_000).state;
    expect(s.rings[0]).toMatchObject({ agentId: "bob", until: 16_000 });
  });

  it("a declined call goes to the next agent without counting against the one who declined", () => {
    let s = request(mall(agent("ann", 1), agent("bob", 2)), { id: "c" }, 0).state;
    s = ringEnded(s, "c", "ann", "declined", 10).state;
    expect(ringsOf(s)).toEqual(["c->bob"]);
    expect(s.agents.find((a) => a.id === "ann")!.missedInRow).toBe(0);
  });

  it("sets an agent away after three calls in a row ring out, and an answered call resets the count", () => {
    let s = mall(agent("ann", 1));
    for (let i = 0; i < AUTO_AWAY_AFTER - 1; i++) {
      s = request(s, { id: `c${i}` }, i * 100).state;
      s = ringEnded(s, `c${i}`, "ann", "timeout", i * 100 + RING_MS).state;
      s = leave(s, `c${i}`).state;
    }
    s = request(s, { id: "ok" }, 5000).state;
    const answered = accept(s, "ok", "ann", 5001);
    if ("error" in answered) throw new Error(answered.error);
    expect(answered.state.agents[0]).toMatchObject({ status: "busy", missedInRow: 0 });

    s = agentFree(answered.state, "ann", 9000).state;
    let last;
    for (let i = 0; i < AUTO_AWAY_AFTER; i++) {
      s = request(s, { id: `m${i}` }, 10_000 + i).state;
      last = ringEnded(s, `m${i}`, "ann", "timeout", 10_000 + i + RING_MS);
      s = leave(last.state, `m${i}`).state;
    }
    expect(last!.effects).toContainEqual({ type: "auto-away", agentId: "ann" });
    expect(s.agents[0]!.status).toBe("away");
  });

  it("queues callers first come first served when everyone is busy, with live positions and a wait estimate", () => {
    let s = mall(agent("ann", 1, "busy"), agent("bob", 2, "busy"));
    const first = request(s, { id: "q1" }, 100);
    expect(first.effects).toContainEqual({ type: "queued", requestId: "q1", position: 1 });
    s = request(request(first.state, { id: "q2" }, 200).state, { id: "q3" }, 300).state;
    expect([position(s, "q1"), position(s, "q2"), position(s, "q3")]).toEqual([1, 2, 3]);
    expect(estimatedWaitMs(s, "q3", 60_000)).toBe(120_000);

    // q1 gives up: the others move up.
    const left = leave(s, "q1");
    expect(left.effects).toContainEqual({ type: "queued", requestId: "q3", position: 2 });
    // Bob frees up and takes the head of the queue.
    s = agentFree(left.state, "bob", 400).state;
    expect(ringsOf(s)).toEqual(["q2->bob"]);
    expect(position(s, "q3")).toBe(1);
  });

  it("a call whose ring fails keeps its place ahead of later callers", () => {
    let s = mall(agent("ann", 1), agent("bob", 2, "busy"));
    s = request(s, { id: "early" }, 0).state;
    s = request(s, { id: "late" }, 10).state;
    expect(position(s, "late")).toBe(1);
    // Ann lets it ring out; she is the only free agent, so "early" rings her again rather than queue
    // behind "late", who still waits.
    s = ringEnded(s, "early", "ann", "timeout", RING_MS).state;
    expect(ringsOf(s)).toEqual(["early->ann"]);
    expect(position(s, "late")).toBe(1);
  });

  it("queues callbacks in the order they were asked for, alongside calls", () => {
    let s = mall(agent("ann", 1, "busy"));
    s = request(s, { id: "cb", kind: "callback" }, 50).state;
    s = request(s, { id: "live" }, 60).state;
    const r = agentFree(s, "ann", 100);
    expect(r.effects).toContainEqual({ type: "ring", requestId: "cb", agentId: "ann", until: 100 + RING_MS, kind: "callback" });
  });

  it("offers a message after 90 seconds in the queue, or at once when no agent is online", () => {
    const w = { id: "x", kind: "call" as const, since: 0, tried: [] };
    expect(offerMessage(w, 89_999, 2)).toBe(false);
    expect(offerMessage(w, 90_000, 2)).toBe(true);
    expect(offerMessage(w, 1, 0)).toBe(true);
    const nobody = agentAway(mall(agent("ann", 1)), "ann");
    expect(estimatedWaitMs(request(nobody, { id: "y" }, 0).state, "y", 60_000)).toBeNull();
  });

  it("an agent can only accept a call that is ringing for them", () => {
    const s = request(mall(agent("ann", 1), agent("bob", 2)), { id: "c" }, 0).state;
    expect(accept(s, "c", "bob", 1)).toEqual({ error: "This call is no longer ringing for you." });
    expect("state" in accept(s, "c", "ann", 1)).toBe(true);
  });
});
