import { describe, expect, it } from "vitest";
import { describeNumberProblem, formatNumber, isValidNumber, parseNumber } from "./format";
import { goldenReason, isGolden } from "./golden";
import { letterToDigit, toKeypadDigits } from "./keypad";
import { isSequenceable, SEQUENCE_START, sequenceDigits } from "./sequence";
import { fills, offsetFor, place, vanityCandidates } from "./vanity";

describe("parsing and formatting", () => {
  it("accepts any spaces, dashes and dots", () => {
    expect(parseNumber("2345 6789 0123")).toBe("234567890123");
    expect(parseNumber("2345-6789-0123")).toBe("234567890123");
    expect(parseNumber("2345.6789.0123")).toBe("234567890123");
    expect(parseNumber(" 23 45 67-89.01 23 ")).toBe("234567890123");
    expect(parseNumber("(2345) 6789 0123")).toBe("234567890123");
  });
  it("refuses wrong lengths, letters and a first digit of 0 or 1", () => {
    expect(parseNumber("2345 6789 012")).toBeNull();
    expect(parseNumber("2345 6789 01234")).toBeNull();
    expect(parseNumber("1345 6789 0123")).toBeNull();
    expect(parseNumber("0345 6789 0123")).toBeNull();
    expect(parseNumber("2345 CALL 0123")).toBeNull();
    expect(parseNumber("")).toBeNull();
  });
  it("explains what is wrong", () => {
    expect(describeNumberProblem("12")).toMatch(/12 digits; this has 2/);
    expect(describeNumberProblem("1345 6789 0123")).toMatch(/starts with a digit from 2 to 9/);
    expect(describeNumberProblem("abc")).toMatch(/only digits/);
    expect(describeNumberProblem("")).toMatch(/Enter/);
    expect(describeNumberProblem("2345 6789 0123")).toBeNull();
  });
  it("formats as xyyy yyyy yyyy", () => {
    expect(formatNumber("234567890123")).toBe("2345 6789 0123");
    expect(formatNumber("200000CALLME")).toBe("2000 00CA LLME");
  });
  it("validates", () => {
    expect(isValidNumber("234567890123")).toBe(true);
    expect(isValidNumber("134567890123")).toBe(false);
    expect(isValidNumber("23456789012")).toBe(false);
  });
});

describe("keypad mapping (E.161)", () => {
  it("maps every letter to its key", () => {
    const expected: Record<string, string> = {
      A: "2",
      B: "2",
      C: "2",
      D: "3",
      E: "3",
      F: "3",
      G: "4",
      H: "4",
      I: "4",
      J: "5",
      K: "5",
      L: "5",
      M: "6",
      N: "6",
      O: "6",
      P: "7",
      Q: "7",
      R: "7",
      S: "7",
      T: "8",
      U: "8",
      V: "8",
      W: "9",
      X: "9",
      Y: "9",
      Z: "9",
    };
    for (const [letter, digit] of Object.entries(expected)) {
      expect(letterToDigit(letter)).toBe(digit);
      expect(letterToDigit(letter.toLowerCase())).toBe(digit);
    }
  });
  it("turns words and digits into keypad digits, keeping the spelling", () => {
    expect(toKeypadDigits("call-me")).toEqual({ ok: true, digits: "225563", spelled: "CALLME" });
    expect(toKeypadDigits("2 FLOWERS")).toEqual({ ok: true, digits: "23569377", spelled: "2FLOWERS" });
  });
  it("refuses characters that are not on a keypad", () => {
    const r = toKeypadDigits("café");
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(/"é" is not on a phone keypad/);
    expect(toKeypadDigits("a+b").ok).toBe(false);
  });
});

describe("golden numbers", () => {
  it("recognises one repeated digit", () => {
    for (const d of "23456789") expect(goldenReason(d.repeat(12))).toBe("one-digit");
  });
  it("recognises long runs, straights, repeating blocks, palindromes and round numbers", () => {
    expect(goldenReason("200000001234")).toBe("long-run");
    expect(goldenReason("212345678903")).toBe("straight");
    expect(goldenReason("298765432103")).toBe("straight");
    expect(goldenReason("242424242424")).toBe("repeating-block");
    expect(goldenReason("234234234234")).toBe("repeating-block");
    expect(goldenReason("234523452345")).toBe("repeating-block");
    expect(goldenReason("284619284619")).toBe("repeating-block");
    expect(goldenReason("284619916482")).toBe("palindrome");
    expect(goldenReason("284619000000")).toBe("round");
  });
  it("leaves ordinary numbers alone", () => {
    expect(isGolden("200010000001")).toBe(false);
    expect(isGolden("284619307254")).toBe(false);
    expect(isGolden("223456703333")).toBe(false); // a straight of six is not enough
  });
});

describe("the sequence", () => {
  it("maps an index to a number from the start", () => {
    expect(sequenceDigits(0)).toBe(String(SEQUENCE_START));
    expect(sequenceDigits(1)).toBe("200010000001");
    expect(sequenceDigits(12345)).toBe("200010012345");
  });
  it("skips golden numbers", () => {
    expect(isSequenceable(sequenceDigits(0))).toBe(false); // 2000 1000 0000 is round
    expect(isSequenceable(sequenceDigits(1))).toBe(true);
  });
  it("refuses indexes outside the number space", () => {
    expect(() => sequenceDigits(-1)).toThrow(RangeError);
    expect(() => sequenceDigits(900_000_000_000)).toThrow(RangeError);
  });
  it("hands out few golden numbers' worth of gaps early on", () => {
    let skipped = 0;
    for (let i = 0; i < 100_000; i++) if (!isSequenceable(sequenceDigits(i))) skipped++;
    expect(skipped).toBeGreaterThan(0);
    expect(skipped).toBeLessThan(200);
  });
});

describe("pattern placement", () => {
  it("places a word at the start, middle and end", () => {
    expect(offsetFor("start", 6)).toBe(0);
    expect(offsetFor("middle", 6)).toBe(3);
    expect(offsetFor("end", 6)).toBe(6);
    expect(place("225563", "CALLME", 6, "222222")).toEqual({ digits: "222222225563", spelled: "222222CALLME", offset: 6 });
    expect(place("225563", "CALLME", 0, "000000")).toEqual({ digits: "225563000000", spelled: "CALLME000000", offset: 0 });
    expect(place("225563", "CALLME", 3, "200000")?.spelled).toBe("200CALLME000");
  });
  it("refuses placements that would start with 0 or 1 or do not fit", () => {
    expect(place("125563", "125563", 0, "000000")).toBeNull();
    expect(place("225563", "CALLME", 7, "00000")).toBeNull();
    expect(place("225563", "CALLME", 6, "12345")).toBeNull();
  });
  it("fills leading places with 2-9 and yields memorable fills first", () => {
    const leading = [...take(fills(4, true, "x"), 50)];
    expect(leading.slice(0, 3)).toEqual(["2222", "3333", "4444"]);
    expect(leading.every((f) => /^[2-9]\d{3}$/.test(f))).toBe(true);
    expect(new Set(leading).size).toBe(leading.length);
    const inner = [...take(fills(3, false, "x"), 20)];
    expect(inner[0]).toBe("000");
  });
});

describe("suggestions", () => {
  const calls = (position: "start" | "middle" | "end") => [
    ...take(vanityCandidates({ pattern: "225563", spelled: "CALLME", position }), 60),
  ];

  it("puts the requested position first", () => {
    const [first] = calls("end");
    expect(first?.reason).toBe("requested");
    expect(first?.digits.endsWith("225563")).toBe(true);
    expect(first?.spelled.endsWith("CALLME")).toBe(true);
  });
  it("always keeps the word, in every alternative", () => {
    for (const c of calls("middle")) {
      expect(c.digits).toMatch(/^[2-9]\d{11}$/);
      expect(c.spelled).toContain("CALLME");
      expect(c.digits).toContain("225563");
    }
  });
  it("offers other fills, other positions and close variants, never twice", () => {
    const list = calls("end");
    const reasons = new Set(list.map((c) => c.reason));
    expect(reasons).toEqual(new Set(["requested", "other-fill", "other-position", "variant"]));
    expect(new Set(list.map((c) => c.digits)).size).toBe(list.length);
    expect(list.some((c) => c.spelled.startsWith("CALLME"))).toBe(true);
    expect(list.some((c) => /CALLME\d/.test(c.spelled) || /\dCALLME/.test(c.spelled))).toBe(true);
  });
  it("cannot start a number with a word that begins with 1, but finds other places", () => {
    const list = [...take(vanityCandidates({ pattern: "1225563", spelled: "1CALLME", position: "start" }), 10)];
    expect(list.length).toBe(10);
    expect(list.every((c) => c.reason !== "requested")).toBe(true);
  });
  it("varies the typed digits of a whole number and keeps its letters", () => {
    const list = [...take(vanityCandidates({ pattern: "222222225563", spelled: "222222CALLME", position: "end" }), 8)];
    expect(list[0]?.digits).toBe("222222225563");
    expect(list.length).toBe(8);
    for (const c of list.slice(1)) expect(c.spelled.endsWith("CALLME")).toBe(true);
  });
  it("is deterministic", () => {
    expect(calls("end").map((c) => c.digits)).toEqual(calls("end").map((c) => c.digits));
  });
});

function* take<T>(gen: Iterable<T>, n: number): Generator<T> {
  if (n <= 0) return;
  for (const v of gen) {
    yield v;
    if (--n <= 0) return;
  }
}
