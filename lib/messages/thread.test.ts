import { describe, expect, it } from "vitest";
import { emptyThread, laterMarker, mergeThread, unreadCount } from "./thread";

const m = (seq: number, body = `m${seq}`) => ({ seq, clientId: `c${seq}`, body });

describe("a device's thread", () => {
  it("keeps one copy per sequence, in order, whatever the order and repeats of arrival", () => {
    let t = emptyThread<ReturnType<typeof m>>();
    t = mergeThread(t, [m(2), m(1)]);
    t = mergeThread(t, [m(1), m(3), m(2)]);
    expect(t.messages.map((x) => x.seq)).toEqual([1, 2, 3]);
    expect(t.cursor).toBe(3);
  });

  it("does not move the cursor past a gap: a live message ahead of missed ones waits for them", () => {
    let t = mergeThread(emptyThread<ReturnType<typeof m>>(4), [m(7)]);
    expect(t.cursor).toBe(4);
    t = mergeThread(t, [m(5)]);
    expect(t.cursor).toBe(5);
    t = mergeThread(t, [m(6)]);
    expect(t.cursor).toBe(7);
    expect(t.messages.map((x) => x.seq)).toEqual([5, 6, 7]);
  });

  it("takes the later copy of a message (edited or deleted)", () => {
    const t = mergeThread(mergeThread(emptyThread(), [m(1, "helo")]), [m(1, "hello")]);
    expect(t.messages).toEqual([m(1, "hello")]);
  });

  it("moves read markers only forward and counts unread messages of others", () => {
    expect(laterMarker(5, 3)).toBe(5);
    expect(laterMarker(5, 8)).toBe(8);
    const msgs = [1, 2, 3, 4].map((seq) => ({ seq, senderId: seq === 3 ? "me" : "you" }));
    expect(unreadCount(msgs, 1, "me")).toBe(2);
    expect(unreadCount(msgs, 4, "me")).toBe(0);
  });
});
