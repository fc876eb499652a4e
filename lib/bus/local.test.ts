import { describe, expect, it } from "vitest";
import { LocalBus } from "./local";
import { CATCH_UP_MS } from "./types";

describe("LocalBus catch-up", () => {
  it("keeps each member's events for the catch-up window, in order, and gives those after an id", async () => {
    let now = 1_000_000;
    const bus = new LocalBus(() => now);
    const seen: string[] = [];
    bus.onMemberEvent((e) => seen.push(e.id));
    for (let i = 0; i < 5; i++) {
      await bus.toMember("ann", "conversation", { conversationId: `c${i}` });
      now += 30_000;
    }
    await bus.toMember("ben", "conversation", { conversationId: "b" });
    const all = await bus.since("ann", undefined);
    expect(all.map((e) => (e.data as { conversationId: string }).conversationId)).toEqual(["c1", "c2", "c3", "c4"]);
    expect(seen).toHaveLength(6);
    expect((await bus.since("ann", all[1]!.id)).map((e) => e.id)).toEqual([all[2]!.id, all[3]!.id]);
    // An id from before a restart (another epoch) is foreign: everything kept is given.
    expect(await bus.since("ann", "old:3")).toHaveLength(4);
    now += CATCH_UP_MS + 1;
    expect(await bus.since("ann", undefined)).toEqual([]);
    expect(await bus.since("ben", undefined)).toEqual([]);
  });
});
