import { describe, expect, it } from "vitest";
import { UUID7, uuid7, uuid7Time } from "./uuid7";

describe("uuid7", () => {
  it("is a version 7, variant 10 UUID carrying its time", () => {
    const at = Date.UTC(2026, 11, 2, 9, 30);
    const id = uuid7(at);
    expect(id).toMatch(UUID7);
    expect(uuid7Time(id)).toBe(at);
  });

  it("sorts by time, and two made in the same millisecond differ", () => {
    const a = uuid7(1_000_000);
    const b = uuid7(1_000_001);
    expect(a < b).toBe(true);
    expect(uuid7(5)).not.toBe(uuid7(5));
  });

  it("keeps version and variant whatever the random bytes", () => {
    expect(uuid7(0, (b) => b.fill(0xff))).toBe("00000000-0000-7fff-bfff-ffffffffffff");
    expect(uuid7(0, (b) => b.fill(0))).toBe("00000000-0000-7000-8000-000000000000");
    expect("00000000-0000-4000-8000-000000000000").not.toMatch(UUID7);
  });
});
