import { describe, expect, it } from "vitest";
import { parseTestEnv } from "./test-env";

describe("the test harness's variables", () => {
  it("ignores a BASE_URL that is not an absolute URL (Vitest sets it to /)", () => {
    expect(parseTestEnv({ BASE_URL: "/" }).BASE_URL).toBeUndefined();
    expect(parseTestEnv({ BASE_URL: "http://localhost:3400" }).BASE_URL).toBe("http://localhost:3400");
  });

  it("defaults to Debian's Chromium and both databases", () => {
    const e = parseTestEnv({});
    expect(e.CHROMIUM_PATH).toBe("/usr/bin/chromium-headless-shell");
    expect(e.SKIP_POSTGRES).toBe(false);
    expect(parseTestEnv({ SKIP_POSTGRES: "1" }).SKIP_POSTGRES).toBe(true);
  });
});
