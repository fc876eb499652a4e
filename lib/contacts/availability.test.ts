import { describe, expect, it } from "vitest";
import { askState, canAsk, deliveryFor, firesOn, openKeyOf } from "./availability";

describe("tell me when available", () => {
  it("is asked only while the contact does not look available, and fires only on online", () => {
    expect(canAsk("online")).toBe(false);
    for (const s of ["away", "busy", "dnd", "offline"] as const) {
      expect(canAsk(s)).toBe(true);
      expect(firesOn(s)).toBe(false);
    }
    expect(firesOn("online")).toBe(true);
  });

  it("is open until fired, canceled or a day old", () => {
    const now = new Date("2026-12-02T10:00:00Z");
    const later = new Date(now.getTime() + 1000);
    expect(askState({ firedAt: null, canceledAt: null, expiresAt: later }, now)).toBe("open");
    expect(askState({ firedAt: null, canceledAt: null, expiresAt: now }, now)).toBe("expired");
    expect(askState({ firedAt: now, canceledAt: null, expiresAt: later }, now)).toBe("fired");
    expect(askState({ firedAt: null, canceledAt: now, expiresAt: later }, now)).toBe("canceled");
  });

  it("goes live to a connected asker, by email only to a proven address, else waits for their next visit", () => {
    expect(deliveryFor({ connected: true, verifiedEmail: true })).toBe("live");
    expect(deliveryFor({ connected: false, verifiedEmail: true })).toBe("email");
    expect(deliveryFor({ connected: false, verifiedEmail: false })).toBe("live-later");
    expect(openKeyOf("a", "b")).not.toBe(openKeyOf("b", "a"));
  });
});
