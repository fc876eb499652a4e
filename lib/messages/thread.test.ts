import { describe, expect, it } from "vitest";
import { emptyThread, laterMarker, mergeThread, shownMessages, type ThreadMessage, unreadCount } from "./thread";

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

  it("applies edits and deletes, which have sequences of their own, to their message", () => {
    const at = (s: string) => `2026-12-02T10:00:0${s}.000Z`;
    const text = { ...m(1, "helo"), kind: "text", createdAt: at("0"), editedAt: null, deletedAt: null };
    const edit = { seq: 2, clientId: "e", kind: "edit", targetSeq: 1, body: "hello", createdAt: at("1") };
    const del = { seq: 3, clientId: "d", kind: "delete", targetSeq: 1, body: "", createdAt: at("2") };
    let t = mergeThread(emptyThread<ThreadMessage>(), [text, edit]);
    expect(shownMessages(t)).toEqual([{ ...text, body: "hello", editedAt: at("1") }]);
    expect(t.cursor).toBe(2);
    // The same edit again, or an older copy of the message from a history page, changes nothing.
    t = mergeThread(t, [edit, text]);
    expect(shownMessages(t)[0]!.body).toBe("hello");
    t = mergeThread(t, [del]);
    expect(shownMessages(t)).toEqual([{ ...text, body: "", file: null, editedAt: at("1"), deletedAt: at("2") }]);
    // A late copy of the edit does not bring the text back.
    t = mergeThread(t, [edit]);
    expect(shownMessages(t)[0]!.body).toBe("");
    expect(
      unreadCount(
        [
          { ...text, senderId: "you" },
          { ...edit, senderId: "you" },
        ],
        0,
        "me",
      ),
    ).toBe(1);
  });

  it("takes the copy with more changes when a message comes again from the server", () => {
    const a = { ...m(1, "helo"), editedAt: null };
    const b = { ...m(1, "hello"), editedAt: "2026-12-02T10:00:01.000Z" };
    expect(mergeThread(mergeThread(emptyThread(), [b]), [a]).messages).toEqual([b]);
    expect(mergeThread(mergeThread(emptyThread(), [a]), [b]).messages).toEqual([b]);
  });

  it("moves read markers only forward and counts unread messages of others", () => {
    expect(laterMarker(5, 3)).toBe(5);
    expect(laterMarker(5, 8)).toBe(8);
    const msgs = [1, 2, 3, 4].map((seq) => ({ seq, senderId: seq === 3 ? "me" : "you" }));
    expect(unreadCount(msgs, 1, "me")).toBe(2);
    expect(unreadCount(msgs, 4, "me")).toBe(0);
  });
});
