import { describe, expect, it } from "vitest";
import { IN_PART, mapInParts, parts, recordInParts } from "./in-parts";

describe("in parts", () => {
  it("splits into parts of at most the size, in order, and merges what each part gives", async () => {
    const ids = Array.from({ length: 2 * IN_PART + 3 }, (_, i) => `m${i}`);
    expect(parts(ids).map((p) => p.length)).toEqual([IN_PART, IN_PART, 3]);
    expect(parts(ids).flat()).toEqual(ids);
    const seen: number[] = [];
    const merged = await mapInParts(ids, async (part) => (seen.push(part.length), new Map(part.map((id) => [id, id.length]))));
    expect(seen).toEqual([IN_PART, IN_PART, 3]);
    expect(merged.size).toBe(ids.length);
    const record = await recordInParts(ids, async (part) => Object.fromEntries(part.map((id) => [id, true])));
    expect(Object.keys(record)).toHaveLength(ids.length);
    // A short list is one call, as it was.
    let calls = 0;
    await recordInParts(["a", "b"], async () => (calls++, {}));
    expect(calls).toBe(1);
  });
});
