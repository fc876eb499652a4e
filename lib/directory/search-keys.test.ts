import { describe, expect, it } from "vitest";
import { cityKey, nameKey, normalizeText } from "./search-keys";

describe("search keys", () => {
  it("ignores case and accents", () => {
    expect(normalizeText("Chloé DUBOIS")).toBe("chloe dubois");
    expect(normalizeText("Björn Sørensen")).toBe("bjorn sorensen");
    expect(normalizeText("Elif Yılmaz")).toBe("elif yilmaz");
    expect(normalizeText("São Paulo")).toBe("sao paulo");
    expect(normalizeText("Liam O'Brien")).toBe("liam o brien");
  });
  it("lets a prefix of any word match as a substring", () => {
    expect(nameKey("Chloé Dubois").includes(` ${normalizeText("dub")}`)).toBe(true);
    expect(nameKey("Chloé Dubois").includes(` ${normalizeText("hloe")}`)).toBe(false);
    expect(cityKey("  Kraków ")).toBe("krakow");
  });
});

import { nameWords, numberSuffixes, prefixRange } from "./search-keys";

describe("search index rows", () => {
  it("indexes a name from each word on", () => {
    expect(nameWords("Chloé Dubois")).toEqual(["chloe dubois", "dubois"]);
    expect(nameWords("Anna Anna")).toEqual(["anna anna", "anna"]);
  });
  it("indexes every suffix of two or more digits", () => {
    const s = numberSuffixes("234567890123");
    expect(s).toHaveLength(11);
    expect(s[0]).toBe("234567890123");
    expect(s.at(-1)).toBe("23");
    // "contains 7890" is "some suffix starts with 7890"
    expect(s.some((x) => x.startsWith("7890"))).toBe(true);
  });
  it("bounds a prefix range above every key that starts with it", () => {
    const r = prefixRange("dub");
    for (const k of ["dub", "dubois", "dub z9"]) expect(k >= r.gte && k < r.lt).toBe(true);
    expect("duc" < r.lt).toBe(false);
  });
});
