import { describe, expect, it } from "vitest";
import { searchWords } from "./search-messages";

describe("search words", () => {
  it("keeps letters and digits only, lower-cased, at most eight: nothing reaches the index as syntax", () => {
    expect(searchWords('Café "OR" NEAR(x*) 2026')).toEqual(["café", "or", "near", "x", "2026"]);
    expect(searchWords('" * ( ) : -')).toEqual([]);
    expect(searchWords("a b c d e f g h i j")).toHaveLength(8);
  });
});
