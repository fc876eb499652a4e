import { describe, expect, it } from "vitest";
import type { BookEntry } from "./list-book";
import { mergeBook, searchBook } from "./merge-book";

const entry = (memberId: string, displayName: string, more: Partial<BookEntry> = {}): BookEntry => ({
  memberId,
  handle: displayName.toLowerCase().replace(/\s/g, ""),
  displayName,
  formattedNumber: "2345 6789 0123",
  photoUrl: null,
  inBook: true,
  nickname: "",
  note: "",
  favourite: false,
  groups: [],
  requestedAt: null,
  requestedInAt: null,
  lastSeenAt: null,
  appearOffline: false,
  version: 1,
  subscription: "both",
  pendingOut: false,
  pendingIn: false,
  approved: false,
  ...more,
});

describe("mergeBook", () => {
  it("replaces changed entries, drops gone ones, keeps the rest, sorted by the name shown", () => {
    const held = { version: 3, entries: [entry("a", "Ann"), entry("b", "Bob"), entry("c", "Cy")] };
    const out = mergeBook(held, { version: 5, entries: [entry("b", "Bob", { nickname: "Aaron" }), entry("d", "Dee")], gone: ["c"] });
    expect(out.version).toBe(5);
    expect(out.entries.map((e) => e.memberId)).toEqual(["b", "a", "d"]);
  });

  it("ignores a change set older than what is held", () => {
    const held = { version: 7, entries: [entry("a", "Ann")] };
    expect(mergeBook(held, { version: 6, entries: [], gone: ["a"] })).toBe(held);
  });
});

describe("searchBook", () => {
  const book = [entry("a", "Ann Lee", { nickname: "Mum" }), entry("b", "Bob Ray", { formattedNumber: "2000 0000 0042" })];
  it("matches name, nickname and handle ignoring case, and number ignoring spaces", () => {
    expect(searchBook(book, "mum").map((e) => e.memberId)).toEqual(["a"]);
    expect(searchBook(book, "RAY").map((e) => e.memberId)).toEqual(["b"]);
    expect(searchBook(book, "0000 0042").map((e) => e.memberId)).toEqual(["b"]);
    expect(searchBook(book, "  ")).toHaveLength(2);
    expect(searchBook(book, "zed")).toHaveLength(0);
  });
});
