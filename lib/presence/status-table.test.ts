import { describe, expect, it } from "vitest";
import { StatusTable } from "./status-table";

const known = (t: StatusTable, m: string, setting = "online", inCall = false) => t.fillFacts(m, { setting, inCall });

describe("status table", () => {
  it("computes a member's status from every node's connections: online while any is active, away when all are idle", () => {
    const t = new StatusTable();
    known(t, "m");
    expect(t.setCounts("n1", "m", [1, 0])).toEqual({ memberId: "m", before: "offline", after: "online" });
    expect(t.setCounts("n2", "m", [1, 1])).toBeNull();
    expect(t.setCounts("n1", "m", [1, 1])).toEqual({ memberId: "m", before: "online", after: "away" });
    expect(t.setCounts("n2", "m", [0, 0])).toBeNull();
    expect(t.setCounts("n1", "m", [0, 0])).toEqual({ memberId: "m", before: "away", after: "offline" });
    expect(t.membersOn("n1")).toEqual([]);
  });

  it("never guesses: a member with connections and no cached setting needs their facts first", () => {
    const t = new StatusTable();
    expect(t.setCounts("n1", "m", [1, 0])).toEqual({ memberId: "m", needsFacts: true });
    expect(t.status("m")).toBeNull();
    // An invisible member stays offline to everyone once the facts arrive.
    expect(known(t, "m", "invisible")).toBeNull();
    expect(t.status("m")).toBe("offline");
    // Offline members need no facts at all.
    expect(new StatusTable().setCounts("n1", "x", [0, 0])).toBeNull();
  });

  it("applies settings and calls as announced: dnd, busy in a call, invisible", () => {
    const t = new StatusTable();
    known(t, "m");
    t.setCounts("n1", "m", [2, 0]);
    expect(t.setSetting("m", "dnd")).toEqual({ memberId: "m", before: "online", after: "dnd" });
    expect(t.setInCall("m", true)).toEqual({ memberId: "m", before: "dnd", after: "busy" });
    expect(t.setInCall("m", false)).toEqual({ memberId: "m", before: "busy", after: "dnd" });
    expect(t.setSetting("m", "invisible")).toEqual({ memberId: "m", before: "dnd", after: "offline" });
    expect(t.setting("m")).toBe("invisible");
  });

  it("keeps an announced setting over a database read that started before it", () => {
    const t = new StatusTable();
    t.setCounts("n1", "m", [1, 0]);
    t.setSetting("m", "dnd");
    expect(t.fillFacts("m", { setting: "online", inCall: false })).toEqual({ memberId: "m", before: "offline", after: "dnd" });
  });

  it("drops a database read overtaken by a forget: a stale read cannot undo a newer invisible", () => {
    const t = new StatusTable();
    known(t, "m");
    t.setCounts("n1", "m", [1, 0]);
    const readAt = t.generation("m");
    t.setSetting("m", "invisible");
    t.forgetFacts("m"); // a call ended: read again
    expect(t.fillFacts("m", { setting: "online", inCall: false }, readAt)).toBeNull();
    expect(t.status("m")).toBeNull();
    // The read made after the forget applies: still offline, as watchers were told.
    expect(t.fillFacts("m", { setting: "invisible", inCall: false }, t.generation("m"))).toBeNull();
    expect(t.status("m")).toBe("offline");
  });

  it("mends a lost notice when the cached facts are read again, unless one was announced meanwhile", () => {
    const t = new StatusTable();
    known(t, "m");
    t.setCounts("n1", "m", [1, 0]);
    expect(t.cachedMembers()).toEqual(["m"]);
    // The "invisible" notice never arrived here; the periodic read finds it.
    expect(t.refreshFacts("m", { setting: "invisible", inCall: false }, t.generation("m"))).toEqual({
      memberId: "m",
      before: "online",
      after: "offline",
    });
    // A read that started before an announcement is older than it.
    const readAt = t.generation("m");
    t.setSetting("m", "online");
    expect(t.refreshFacts("m", { setting: "invisible", inCall: false }, readAt)).toBeNull();
    expect(t.status("m")).toBe("online");
  });

  it("drops a node's connections at once (a node gone or expired) and reports each member whose status changed", () => {
    const t = new StatusTable();
    for (const m of ["a", "b"]) known(t, m);
    t.setCounts("n1", "a", [1, 0]);
    t.setCounts("n1", "b", [1, 0]);
    t.setCounts("n2", "b", [1, 0]);
    const results = t.dropNode("n1");
    expect(results).toContainEqual({ memberId: "a", before: "online", after: "offline" });
    expect(results).toContainEqual(null);
    expect(t.status("b")).toBe("online");
  });

  it("replaces what it knew of a node with its whole state", () => {
    const t = new StatusTable();
    for (const m of ["a", "b"]) known(t, m);
    t.setCounts("n1", "a", [1, 0]);
    const results = t.replaceNode("n1", new Map([["b", [2, 2] as const]]));
    expect(results).toContainEqual({ memberId: "a", before: "online", after: "offline" });
    expect(results).toContainEqual({ memberId: "b", before: "offline", after: "away" });
    expect(t.membersOn("n1")).toEqual(["b"]);
  });

  it("forgets the facts of offline members nobody needs, and keeps those of members online or needed", () => {
    const t = new StatusTable();
    for (const m of ["online", "watched", "gone"]) known(t, m);
    t.setCounts("n2", "online", [1, 0]);
    expect(t.pruneFacts((m) => m === "watched")).toBe(1);
    expect(t.hasFacts("gone")).toBe(false);
    expect(t.hasFacts("online") && t.hasFacts("watched")).toBe(true);
  });
});
