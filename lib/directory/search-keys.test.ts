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
