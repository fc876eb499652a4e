import { describe, expect, it } from "vitest";
import { type NodeStateMessage, PeerTracker } from "./peer-state";
import { StatusTable } from "./status-table";

const msg = (seq: number, members: NodeStateMessage["members"], extra: Partial<NodeStateMessage> = {}): NodeStateMessage => ({
  node: "b",
  epoch: "e1",
  seq,
  members,
  ...extra,
});

function setup() {
  const table = new StatusTable();
  for (const m of ["m1", "m2"]) table.fillFacts(m, { setting: "online", inCall: false });
  return { table, peers: new PeerTracker("a", table, 45_000) };
}

describe("peer tracker: other nodes' connections, in order", () => {
  it("applies a node's first (reset) message and the next ones in order", () => {
    const { table, peers } = setup();
    expect(peers.receive(msg(1, { m1: [1, 0] }, { reset: true }), 0).results).toEqual([
      { memberId: "m1", before: "offline", after: "online" },
    ]);
    expect(peers.receive(msg(2, { m1: [1, 1] }), 0).results).toEqual([{ memberId: "m1", before: "online", after: "away" }]);
    expect(table.status("m1")).toBe("away");
  });

  it("ignores its own messages", () => {
    const { table, peers } = setup();
    expect(peers.receive({ ...msg(1, { m1: [1, 0] }, { reset: true }), node: "a" }, 0)).toEqual({ results: [], resync: [] });
    expect(table.status("m1")).toBe("offline");
  });

  it("after a gap, reads the node's state again and replays only what came after it", () => {
    const { table, peers } = setup();
    peers.receive(msg(1, {}, { reset: true }), 0);
    const gap = peers.receive(msg(4, { m2: [1, 0] }), 0);
    expect(gap).toEqual({ results: [], resync: ["b"] });
    // Held while the read is under way, then applied after the snapshot's seq 3.
    peers.receive(msg(5, { m1: [1, 1] }), 0);
    const synced = peers.synced("b", { node: "b", epoch: "e1", seq: 3, members: { m1: [1, 0] } }, 0);
    expect(synced.results).toContainEqual({ memberId: "m2", before: "offline", after: "online" });
    expect(table.status("m1")).toBe("away");
    expect(table.status("m2")).toBe("online");
  });

  it("a message from an unknown node asks for its state first", () => {
    const { table, peers } = setup();
    expect(peers.receive(msg(7, { m1: [1, 0] }), 0).resync).toEqual(["b"]);
    peers.synced("b", { node: "b", epoch: "e1", seq: 6, members: {} }, 0);
    expect(table.status("m1")).toBe("online");
  });

  it("a node started again (new epoch) loses what it held before", () => {
    const { table, peers } = setup();
    peers.receive(msg(1, { m1: [1, 0], m2: [1, 0] }, { reset: true }), 0);
    const r = peers.receive(msg(1, { m2: [1, 0] }, { epoch: "e2", reset: true }), 0);
    expect(r.results).toContainEqual({ memberId: "m1", before: "online", after: "offline" });
    expect(table.status("m2")).toBe("online");
  });

  it("forgets a node that says it is going, and one silent past the expiry (a crash)", () => {
    const { table, peers } = setup();
    peers.receive(msg(1, { m1: [1, 0] }, { reset: true }), 0);
    peers.receive(msg(2, {}, { gone: true }), 0);
    expect(table.status("m1")).toBe("offline");

    peers.receive(msg(1, { m1: [1, 0] }, { epoch: "e3", reset: true }), 1000);
    peers.receive(msg(2, {}, { epoch: "e3" }), 15_000); // a heartbeat
    expect(peers.expire(59_000)).toEqual([]);
    expect(peers.expire(60_001)).toEqual([{ memberId: "m1", before: "online", after: "offline" }]);
    expect(peers.knows("b")).toBe(false);
  });

  it("a node whose state is gone from the bus is dropped", () => {
    const { table, peers } = setup();
    peers.receive(msg(1, { m1: [1, 0] }, { reset: true }), 0);
    peers.receive(msg(3, {}), 0);
    peers.synced("b", null, 0);
    expect(table.status("m1")).toBe("offline");
  });
});
