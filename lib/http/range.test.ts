import { describe, expect, it } from "vitest";
import { parseRange, RangeNotSatisfiable } from "./range";

describe("parseRange", () => {
  it("reads open, closed and suffix ranges, clamped to the file", () => {
    expect(parseRange(null, 100)).toBeNull();
    expect(parseRange("bytes=0-", 100)).toEqual({ start: 0, end: 99 });
    expect(parseRange("bytes=10-19", 100)).toEqual({ start: 10, end: 19 });
    expect(parseRange("bytes=90-500", 100)).toEqual({ start: 90, end: 99 });
    expect(parseRange("bytes=-30", 100)).toEqual({ start: 70, end: 99 });
  });
  it("refuses what it cannot serve", () => {
    expect(() => parseRange("bytes=100-", 100)).toThrow(RangeNotSatisfiable);
    expect(() => parseRange("bytes=5-2", 100)).toThrow(RangeNotSatisfiable);
    expect(() => parseRange("bytes=0-1,5-6", 100)).toThrow(/one byte range/);
    expect(() => parseRange("items=0-1", 100)).toThrow(/one byte range/);
  });
});
