import { describe, expect, it } from "vitest";
import { isUniqueViolationOn, uniqueViolationFields } from "./unique-violation";

describe("unique violations", () => {
  it("reads fields from meta.target and from a driver adapter's cause", () => {
    expect(uniqueViolationFields({ code: "P2002", meta: { target: ["handleKey"] } })).toEqual(["handleKey"]);
    expect(
      uniqueViolationFields({ code: "P2002", meta: { driverAdapterError: { cause: { constraint: { fields: ['"digits"'] } } } } }),
    ).toEqual(["digits"]);
    expect(isUniqueViolationOn({ code: "P2002", meta: { target: "Member_emailKey_key" } }, "emailKey")).toBe(true);
  });
  it("reads the constraint of a unique violation pg reported itself (a statement sent straight through it)", () => {
    expect(uniqueViolationFields({ code: "23505", constraint: "Member_emailKey_key" })).toEqual(["Member_emailKey_key"]);
    expect(isUniqueViolationOn({ code: "23505", constraint: "PhoneNumber_pkey" }, "PhoneNumber")).toBe(true);
    expect(uniqueViolationFields({ code: "23505" })).toEqual([]);
  });
  it("ignores other errors", () => {
    expect(uniqueViolationFields({ code: "23503", constraint: "Handle_memberId_fkey" })).toBeNull();
    expect(uniqueViolationFields(new Error("boom"))).toBeNull();
    expect(uniqueViolationFields({ code: "P2025" })).toBeNull();
    expect(uniqueViolationFields(null)).toBeNull();
  });
});
