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
  it("ignores other errors", () => {
    expect(uniqueViolationFields(new Error("boom"))).toBeNull();
    expect(uniqueViolationFields({ code: "P2025" })).toBeNull();
    expect(uniqueViolationFields(null)).toBeNull();
  });
});
