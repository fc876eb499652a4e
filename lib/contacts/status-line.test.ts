import { describe, expect, it } from "vitest";
import { ago, statusLine } from "./status-line";

const now = Date.parse("2026-12-02T12:00:00Z");

describe("statusLine", () => {
  it("says how long someone has been away or busy once a minute has passed", () => {
    expect(statusLine("away", { changedAt: now - 12 * 60_000, now })).toBe("Away for 12 min");
    expect(statusLine("busy", { changedAt: now - 3 * 3600_000, now })).toBe("In a call for 3 h");
    expect(statusLine("away", { changedAt: now - 10_000, now })).toBe("Away");
    expect(statusLine("dnd", { now })).toBe("Do not disturb");
    expect(statusLine("online", { changedAt: now - 3600_000, now })).toBe("Online");
  });

  it("says when someone offline was last seen, from the server's time or a change seen here", () => {
    expect(statusLine("offline", { lastSeenAt: new Date(now - 5 * 86400_000).toISOString(), now })).toBe("Last seen 5 days ago");
    expect(statusLine("offline", { changedAt: now - 30_000, now })).toBe("Last seen moments ago");
    expect(statusLine("offline", { lastSeenAt: null, now })).toBe("Offline");
    // A change seen here after the server's time wins: the book is not refetched on every change.
    expect(statusLine("offline", { lastSeenAt: new Date(now - 86400_000).toISOString(), changedAt: now - 5 * 60_000, now })).toBe(
      "Last seen 5 min ago",
    );
  });

  it("rounds down to the largest whole unit", () => {
    expect(ago(59_999)).toBe("moments");
    expect(ago(119 * 60_000)).toBe("1 h");
    expect(ago(47 * 3600_000)).toBe("47 h");
    expect(ago(49 * 3600_000)).toBe("2 days");
  });
});
