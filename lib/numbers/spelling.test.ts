import { describe, expect, it } from "vitest";
import { checkSpelling, parseDialled, showNumber, spellWordIn, wordOf } from "./spelling";

describe("showing a number with its word", () => {
  it("keeps the word whole, the digits before it in fours", () => {
    expect(showNumber("222222274992", "2222222PIZZA")).toBe("2222 222 PIZZA");
    expect(showNumber("222222274992", null)).toBe("2222 2227 4992");
    expect(showNumber("200022556300", "2000CALLME00")).toBe("2000 CALLME 00");
    expect(showNumber("272847260000", "BRUNOBAR0000")).toBe("BRUNOBAR 0000");
    expect(showNumber("222222274992", "222222274992")).toBe("2222 2227 4992");
  });

  it("takes the word from the first letter to the last", () => {
    expect(wordOf("2000CALL2ME0")).toBe("CALL2ME");
    expect(wordOf("234567890123")).toBeNull();
  });
});

describe("a spelling sent by a page", () => {
  it("is accepted when it spells the number, in any case and spacing", () => {
    expect(checkSpelling("222222274992", "2222 222p izza")).toEqual({ spelled: "2222222PIZZA", word: "PIZZA" });
  });

  it("is refused when it spells another number, has no letter or is not on a keypad", () => {
    expect(() => checkSpelling("222222274992", "2222222PIZZY")).toThrow(/spells 2222 2227 4999, not 2222 2227 4992/);
    expect(() => checkSpelling("222222274992", "222222274992")).toThrow(/at least one letter/);
    expect(() => checkSpelling("222222274992", "2222222PIZZ!")).toThrow(/not on a phone keypad/);
  });
});

describe("a word a member places on their number", () => {
  it("goes where its digits are, nearest the end", () => {
    expect(spellWordIn("222222274992", "pizza")).toEqual({ spelled: "2222222PIZZA", word: "PIZZA" });
    expect(spellWordIn("222222222222", "ABC")).toEqual({ spelled: "222222222ABC", word: "ABC" });
  });

  it("is refused when the number does not hold it", () => {
    expect(() => spellWordIn("222222274992", "BRUNO")).toThrow(/27866.*not in 2222 2227 4992/);
    expect(() => spellWordIn("222222274992", "2222")).toThrow(/in letters/);
  });
});

describe("what a dial entry names", () => {
  it("a whole number, by digits or spelled", () => {
    expect(parseDialled("2222 2227 4992")).toEqual({ digits: "222222274992" });
    expect(parseDialled("2222 222 PIZZA")).toEqual({ digits: "222222274992" });
  });

  it("a word on its own", () => {
    expect(parseDialled("bruno")).toEqual({ word: "BRUNO" });
    expect(parseDialled("CALL2ME")).toEqual({ word: "CALL2ME" });
  });

  it("nothing for a partial number, a word with digits around it, or other characters", () => {
    expect(parseDialled("2222 PIZZA")).toBeNull();
    expect(parseDialled("12345")).toBeNull();
    expect(parseDialled("pizza!")).toBeNull();
    expect(parseDialled("a")).toBeNull();
  });
});
