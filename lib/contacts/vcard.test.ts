import { describe, expect, it } from "vitest";
import { DomainError } from "../errors";
import { memberAddress, readVcards, type VcardContact, writeVcards } from "./vcard";

const publicUrl = "https://portal.example";

const ada: VcardContact = {
  handle: "ada.l",
  displayName: "Ada Lovelace, Countess; of Lovelace",
  number: "234567890123",
  nickname: "Addie, dear",
  note:
    "Met at the Analytical Society.\nLikes: engines; poetry, \\ backslashes, a\\;b and c\\:d — and ünïcødé 日本語 😀 " + "long ".repeat(30),
  favourite: true,
  groups: ["Family", "Work, part-time", "Ça;va"],
};
const bob: VcardContact = { handle: "bob", displayName: "Bob", number: null, nickname: "", note: "", favourite: false, groups: [] };

const octets = (s: string) => new TextEncoder().encode(s).length;

function refusal(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (err) {
    if (err instanceof DomainError) return err;
    throw err;
  }
  throw new Error("not refused");
}

describe("writeVcards", () => {
  it("writes one vCard 4.0 per contact, CRLF-terminated, no line over 75 octets, with the portal's properties", () => {
    const text = writeVcards([ada, bob], { publicUrl });
    expect(text.match(/BEGIN:VCARD\r\nVERSION:4.0\r\n/g)).toHaveLength(2);
    expect(text.endsWith("END:VCARD\r\n")).toBe(true);
    const lines = text.split("\r\n");
    expect(lines.every((l) => octets(l) <= 75)).toBe(true);
    expect(lines.some((l) => l.startsWith(" "))).toBe(true); // the long note is folded
    const unfolded = text.replace(/\r\n /g, "");
    expect(unfolded).toContain("FN:Ada Lovelace\\, Countess; of Lovelace\r\n");
    expect(unfolded).toContain("NICKNAME:Addie\\, dear\r\n");
    expect(unfolded).toContain("TEL;TYPE=x-portal;VALUE=TEXT:2345 6789 0123\r\n");
    expect(unfolded).toContain("URL:https://portal.example/ada.l\r\n");
    expect(unfolded).toContain("X-PORTAL-HANDLE:ada.l\r\n");
    expect(unfolded).toContain("CATEGORIES:Family,Work\\, part-time,Ça;va\r\n");
    expect(unfolded).toContain("NOTE:Met at the Analytical Society.\\nLikes: engines; poetry\\, \\\\ backslashes");
    expect(unfolded).toContain("X-PORTAL-FAVOURITE:TRUE\r\n");
    // Bob has no number, nickname, note or group: no empty properties.
    const bobs = unfolded.slice(unfolded.lastIndexOf("BEGIN:VCARD"));
    expect(bobs).not.toMatch(/^(TEL|NICKNAME|NOTE|CATEGORIES|X-PORTAL-FAVOURITE)/m);
    expect(memberAddress(publicUrl, "bob")).toBe("https://portal.example/bob");
  });

  it("round-trips: what is exported reads back with name, nickname, note, groups, number, handle and star", () => {
    const back = readVcards(writeVcards([ada, bob], { publicUrl }), { publicUrl });
    expect(back).toEqual([
      {
        card: 1,
        name: ada.displayName,
        handle: "ada.l",
        numbers: ["234567890123"],
        nickname: ada.nickname,
        note: ada.note.trim(),
        groups: ada.groups,
        favourite: true,
      },
      { card: 2, name: "Bob", handle: "bob", numbers: [], nickname: "", note: "", groups: [], favourite: false },
    ]);
  });
});

describe("readVcards", () => {
  it("reads a vCard 3.0 as Apple exports it: folded lines, escapes, item groups, an escaped colon in the URL", () => {
    const apple = [
      "BEGIN:VCARD",
      "VERSION:3.0",
      "PRODID:-//Apple Inc.//iPhone OS 17.4//EN",
      "N:Hopper;Grace;Brewster;Rear Admiral;",
      "FN:Grace Hopper",
      "NICKNAME:Amazing Grace",
      "item1.TEL;type=pref:+1 (555) 123-4567",
      "TEL;type=CELL;type=VOICE;type=pref:2000 00CA LLME",
      "item2.URL;type=pref:https\\://portal.example/grace",
      "item2.X-ABLabel:_$!<HomePage>!$_",
      "NOTE:Found the first bug\\, a moth\\; taped it in the log book. This note is",
      "  long enough that it is folded over\\nmore than one line.",
      "CATEGORIES:Navy,Computing\\, early",
      "END:VCARD",
      "",
    ].join("\r\n");
    expect(readVcards(apple, { publicUrl })).toEqual([
      {
        card: 1,
        name: "Grace Hopper",
        handle: "grace",
        numbers: ["200000225563"],
        nickname: "Amazing Grace",
        note: "Found the first bug, a moth; taped it in the log book. This note is long enough that it is folded over\nmore than one line.",
        groups: ["Navy", "Computing, early"],
        favourite: false,
      },
    ]);
  });

  it("reads Google's 3.0 export with LF line ends: name from N, myContacts dropped, starred as the star, numbers in any spacing", () => {
    const google = [
      "BEGIN:VCARD",
      "VERSION:3.0",
      "N:Turing;Alan;;;",
      "TEL;TYPE=CELL:2345-6789-0124",
      "TEL;TYPE=WORK:+44 20 7946 0958",
      "TEL;TYPE=HOME:442079460958",
      "CATEGORIES:myContacts,starred,Bletchley",
      "END:VCARD",
      "BEGIN:VCARD",
      "VERSION:3.0",
      "FN:Nobody Here",
      "TEL:555-0100",
      "EMAIL;TYPE=INTERNET:nobody@example.com",
      "URL:https://elsewhere.example/nobody",
      "END:VCARD",
    ].join("\n");
    const [alan, nobody] = readVcards(google, { publicUrl });
    // "+44 …" is a telephone number; the bare 12 digits could be ours, so they count (after the first).
    expect(alan).toMatchObject({ name: "Alan Turing", handle: null, numbers: ["234567890124", "442079460958"], groups: ["Bletchley"] });
    expect(alan!.favourite).toBe(true);
    expect(nobody).toMatchObject({ name: "Nobody Here", handle: null, numbers: [], groups: [] });
  });

  it("refuses what is not a vCard file, with a clear message", () => {
    for (const text of ["", "hello world", "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n", '{"fn": "Ada"}']) {
      const err = refusal(() => readVcards(text, { publicUrl }));
      expect(err.code).toBe("VALIDATION_FAILED");
      expect(err.message).toMatch(/not a vCard file/);
    }
    const broken = refusal(() =>
      readVcards("BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Ada\r\nthis line has no colon\r\nEND:VCARD\r\n", { publicUrl }),
    );
    expect(broken.message).toMatch(/could not be read/);
    const unended = refusal(() => readVcards("BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Ada\r\n", { publicUrl }));
    expect(unended.message).toMatch(/could not be read/);
  });

  it("refuses more cards than allowed before parsing them", () => {
    const card = "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:X\r\nEND:VCARD\r\n";
    expect(readVcards(card.repeat(3), { publicUrl, maxCards: 3 })).toHaveLength(3);
    const err = refusal(() => readVcards(card.repeat(4), { publicUrl, maxCards: 3 }));
    expect(err.code).toBe("PAYLOAD_TOO_LARGE");
    expect(err.message).toMatch(/4 cards; at most 3/);
  });

  it("takes the handle only from the portal's own host, and ignores addresses that are not handles", () => {
    const card = (url: string) => `BEGIN:VCARD\r\nVERSION:4.0\r\nFN:X\r\nURL:${url}\r\nEND:VCARD\r\n`;
    const handle = (url: string) => readVcards(card(url), { publicUrl })[0]!.handle;
    expect(handle("https://portal.example/Ada")).toBe("ada");
    expect(handle("http://portal.example/ada/")).toBe("ada");
    expect(handle("https://evil.example/ada")).toBeNull();
    expect(handle("https://portal.example/ada/photo")).toBeNull();
    expect(handle("https://portal.example/api")).toBe("api"); // a handle lookup finds nobody: reported as not found
    expect(handle("https://portal.example/%E2%80%AE")).toBeNull();
  });
});

describe("the card cap", () => {
  it("holds when BEGIN lines are folded (counted again after unfolding)", () => {
    const card = (i: number) => `BEGIN:VC\r\n ARD\r\nVERSION:4.0\r\nFN:Card ${i}\r\nEND:VCARD\r\n`;
    const text = `BEGIN:VCARD\r\nVERSION:4.0\r\nFN:First\r\nEND:VCARD\r\n${[1, 2, 3].map(card).join("")}`;
    expect(() => readVcards(text, { publicUrl: "http://localhost:3000", maxCards: 2 })).toThrow(/more than 2 cards/);
    expect(readVcards(text, { publicUrl: "http://localhost:3000", maxCards: 4 })).toHaveLength(4);
  });
});
