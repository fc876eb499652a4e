import { describe, expect, it } from "vitest";
import { ageOn, handleSchema, interestsSchema, registerSchema } from "./schemas";

const base = {
  displayName: "Ada",
  handle: "ada-l",
  email: "ada@example.org",
  password: "0123456789",
  birthDate: "1990-02-28",
  city: "Lagos",
};

describe("registration input", () => {
  it("accepts a valid person and normalises what people type", () => {
    const r = registerSchema.parse({ ...base, interests: "Jazz, chess ,jazz,, ", listed: "on", number: "2345-6789.0123" });
    expect(r.interests).toEqual(["jazz", "chess"]);
    expect(r.listed).toBe(true);
    expect(r.emailAddressable).toBe(false);
    expect(r.number).toBe("234567890123");
    expect(r.birthDate.toISOString()).toBe("1990-02-28T00:00:00.000Z");
  });
  it("treats an empty number as 'next in sequence'", () => {
    expect(registerSchema.parse({ ...base, number: "" }).number).toBeUndefined();
    expect(registerSchema.parse(base).number).toBeUndefined();
  });
  it("enforces handle rules", () => {
    for (const ok of ["abc", "Ada-Lovelace", "a1-b2"]) expect(handleSchema.safeParse(ok).success).toBe(true);
    for (const bad of ["ab", "1abc", "a b", "abc-", "a--b", "Directory", "api", "x".repeat(31), "émile"]) {
      expect(handleSchema.safeParse(bad).success, bad).toBe(false);
    }
  });
  it("caps interests", () => {
    expect(interestsSchema.safeParse(Array.from({ length: 13 }, (_, i) => `i${i}`)).success).toBe(false);
    expect(interestsSchema.safeParse(["x".repeat(33)]).success).toBe(false);
  });
  it("computes age on a given day, birthdays included", () => {
    const born = new Date("2008-11-24T00:00:00Z");
    expect(ageOn(born, new Date("2026-11-23T12:00:00Z"))).toBe(17);
    expect(ageOn(born, new Date("2026-11-24T00:00:00Z"))).toBe(18);
  });
});
