import { describe, expect, it } from "vitest";
import { deviceLabel, distinctLabels } from "./device-label";

describe("deviceLabel", () => {
  it("names common browsers and systems", () => {
    expect(deviceLabel("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36")).toBe(
      "Chrome on Linux",
    );
    expect(
      deviceLabel(
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1",
      ),
    ).toBe("Safari on iPhone");
    expect(deviceLabel("Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0")).toBe("Firefox on Windows");
    expect(deviceLabel("Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Mobile Safari/537.36")).toBe(
      "Chrome on Android",
    );
    expect(deviceLabel("")).toBe("Browser");
  });

  it("numbers devices that share a name", () => {
    const d = distinctLabels([
      { id: "a", label: "Chrome on Linux" },
      { id: "b", label: "Safari on iPhone" },
      { id: "c", label: "Chrome on Linux" },
    ]);
    expect(d.map((x) => x.label)).toEqual(["Chrome on Linux", "Safari on iPhone", "Chrome on Linux 2"]);
  });
});
