import { describe, expect, it } from "vitest";
import { type Connection, ConnectionRegistry, MAX_WATCHED } from "./registry";

const conn = (id: string, memberId: string | null = "m1"): Connection => ({
  id,
  memberId,
  guestId: memberId ? null : `g-${id}`,
  deviceId: `d-${id}`,
  address: "127.0.0.1",
  userAgent: "test",
  connectedAt: new Date(0),
  idle: false,
});

describe("connection registry", () => {
  it("keeps a member's connections; closing one of two tabs leaves the other", () => {
    const r = new ConnectionRegistry();
    r.add(conn("a"));
    r.add(conn("b"));
    expect(r.connectionsOf("m1").sort()).toEqual(["a", "b"]);
    r.remove("a");
    expect(r.connectionsOf("m1")).toEqual(["b"]);
    r.remove("b");
    expect(r.connectionsOf("m1")).toEqual([]);
  });

  it("counts a member's connections here and how many are idle, for the status table and the other nodes", () => {
    const r = new ConnectionRegistry();
    r.add(conn("a"));
    r.add(conn("b"));
    r.add(conn("g", null));
    r.setIdle("a", true);
    expect(r.countsOf("m1")).toEqual([2, 1]);
    expect(r.members()).toEqual(["m1"]);
    r.remove("a");
    expect(r.countsOf("m1")).toEqual([1, 0]);
    r.remove("b");
    expect(r.countsOf("m1")).toEqual([0, 0]);
    expect(r.members()).toEqual([]);
  });

  it("batches writes: a connection opened and closed before a flush writes nothing", () => {
    const r = new ConnectionRegistry();
    r.add(conn("a"));
    r.remove("a");
    const ch = r.takeChanges();
    expect(ch.upserts).toEqual([]);
    expect(ch.deletes).toEqual([]);
    expect(ch.members).toEqual(["m1"]);
  });

  it("reports upserts, deletes and changed members once, and can put them back after a failed write", () => {
    const r = new ConnectionRegistry();
    r.add(conn("a"));
    r.add(conn("b", "m2"));
    let ch = r.takeChanges();
    expect(ch.upserts.map((c) => c.id).sort()).toEqual(["a", "b"]);
    expect(ch.members.sort()).toEqual(["m1", "m2"]);
    expect(r.takeChanges()).toEqual({ upserts: [], deletes: [], idle: [], members: [] });
    r.remove("a");
    ch = r.takeChanges();
    expect(ch.deletes).toEqual(["a"]);
    r.restoreChanges(ch);
    expect(r.takeChanges().deletes).toEqual(["a"]);
  });

  it("writes a stored row's idle flag as an update, and deletes the row on close even with the update pending", () => {
    const r = new ConnectionRegistry();
    r.add(conn("a"));
    r.written(r.takeChanges());
    r.setIdle("a", true);
    let ch = r.takeChanges();
    expect(ch.upserts).toEqual([]);
    expect(ch.idle).toEqual([{ id: "a", idle: true }]);
    // A failed write puts the flag back.
    r.restoreChanges(ch);
    expect(r.takeChanges().idle).toEqual([{ id: "a", idle: true }]);
    // Went idle, then closed before the flush: the row goes (it used to stay, kept alive by the heartbeat).
    r.setIdle("a", false);
    r.remove("a");
    ch = r.takeChanges();
    expect(ch.idle).toEqual([]);
    expect(ch.deletes).toEqual(["a"]);
  });

  it("deletes a row closed while it was being written", () => {
    const r = new ConnectionRegistry();
    r.add(conn("a"));
    const ch = r.takeChanges();
    r.remove("a");
    r.written(ch);
    expect(r.takeChanges().deletes).toEqual(["a"]);
  });

  it("marks a member changed when a connection turns idle or active", () => {
    const r = new ConnectionRegistry();
    r.add(conn("a"));
    r.takeChanges();
    r.setIdle("a", false);
    expect(r.takeChanges().members).toEqual([]);
    r.setIdle("a", true);
    const ch = r.takeChanges();
    expect(ch.members).toEqual(["m1"]);
    expect(ch.upserts[0]?.idle).toBe(true);
  });

  it("tracks watchers both ways, replaces a watch list, and forgets a closed connection", () => {
    const r = new ConnectionRegistry();
    r.add(conn("w", "watcher"));
    r.watch("w", ["m1", "m2", "m2"]);
    expect(r.watchersOf("m2")).toEqual(["w"]);
    r.watch("w", ["m3"]);
    expect(r.watchersOf("m1")).toEqual([]);
    expect(r.watchedMembers()).toEqual(["m3"]);
    r.remove("w");
    expect(r.watchersOf("m3")).toEqual([]);
    expect(r.watch("gone", ["m1"])).toEqual([]);
  });

  it("sends each watcher a change at its own detail, and nothing when that shows nothing new", () => {
    const r = new ConnectionRegistry();
    r.add(conn("full", "friend"));
    r.add(conn("basic", "colleague"));
    r.watch("full", ["m"]);
    r.watch("basic", ["m"], () => "basic");
    r.answered("full", "m", "online");
    r.answered("basic", "m", "online");
    expect(r.statusFor("full", "m", "away")).toBe("away");
    // Away, busy or do-not-disturb is still "online" at basic detail: the colleague hears nothing at all.
    expect(r.statusFor("basic", "m", "away")).toBeNull();
    expect(r.statusFor("basic", "m", "busy")).toBeNull();
    expect(r.statusFor("basic", "m", "offline")).toBe("offline");
    expect(r.statusFor("full", "m", "away")).toBeNull();
    expect(r.statusFor("full", "nobody-watched", "online")).toBeNull();
  });

  it("caps a watch list", () => {
    const r = new ConnectionRegistry();
    r.add(conn("w"));
    const kept = r.watch(
      "w",
      Array.from({ length: MAX_WATCHED + 50 }, (_, i) => `m${i}`),
    );
    expect(kept).toHaveLength(MAX_WATCHED);
  });

  it("ignores guests for member presence", () => {
    const r = new ConnectionRegistry();
    r.add(conn("g", null));
    expect(r.takeChanges().members).toEqual([]);
  });
});
