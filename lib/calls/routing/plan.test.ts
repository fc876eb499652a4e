import { describe, expect, it } from "vitest";
import { firstStep, forwardAllowed, MAX_FORWARDS, nextStep, type Plan } from "./plan";
import type { Action, Decision } from "./rules";

const now = new Date("2026-12-02T10:00:00Z");
const laptop = { id: "d1", label: "Chrome on Linux" };
const phone = { id: "d2", label: "Safari on iPhone" };
const tablet = { id: "d3", label: "Safari on iPad" };
const decided = (action: Action): Decision => ({ ruleId: null, status: "online", action, reason: "test" });
const ringAll: Action = { type: "ring", devices: "all", seconds: 30, otherwise: { type: "mailbox" } };
const ctx = { devices: [laptop, phone], inCall: false, now };

describe("the first step of a decision", () => {
  it("rings every device at once until the ring time, then the call is missed (no plan)", () => {
    expect(firstStep(decided(ringAll), ctx)).toEqual({
      type: "ring",
      device: null,
      rang: "Chrome on Linux, Safari on iPhone",
      until: new Date(now.getTime() + 30_000),
      plan: null,
    });
  });
  it("keeps a plan when an unanswered ring forwards", () => {
    const s = firstStep(decided({ ...ringAll, seconds: 10, otherwise: { type: "forward", to: "222200000002" } }), ctx);
    expect(s).toMatchObject({ type: "ring", device: null, until: new Date(now.getTime() + 10_000) });
    expect(s.type === "ring" && s.plan).toEqual({ devices: [], seconds: 10, otherwise: { type: "forward", to: "222200000002" } });
  });
  it("rings devices in turn, first the most recently active, with the rest in the plan", () => {
    const s = firstStep(decided({ ...ringAll, devices: "sequence", seconds: 15 }), { ...ctx, devices: [laptop, phone, tablet] });
    expect(s).toEqual({
      type: "ring",
      device: laptop,
      rang: laptop.label,
      until: new Date(now.getTime() + 15_000),
      plan: { devices: [phone, tablet], seconds: 15, otherwise: { type: "mailbox" } },
    });
  });
  it("a member in a call is busy and one with nothing connected unavailable, unless unanswered calls forward", () => {
    expect(firstStep(decided(ringAll), { ...ctx, inCall: true })).toEqual({ type: "end", outcome: "busy", result: "busy", note: null });
    expect(firstStep(decided(ringAll), { ...ctx, devices: [] })).toEqual({
      type: "end",
      outcome: "unavailable",
      result: "unavailable",
      note: null,
    });
    const fwd: Action = { ...ringAll, otherwise: { type: "forward", to: "222200000002" } };
    expect(firstStep(decided(fwd), { ...ctx, inCall: true })).toEqual({ type: "forward", to: "222200000002" });
    expect(firstStep(decided(fwd), { ...ctx, devices: [] })).toEqual({ type: "forward", to: "222200000002" });
  });
  it("forwards, sends to the mailbox, or declines with the member's text", () => {
    expect(firstStep(decided({ type: "forward", to: "222200000003" }), ctx)).toEqual({ type: "forward", to: "222200000003" });
    expect(firstStep(decided({ type: "mailbox", greeting: "current" }), ctx)).toEqual({
      type: "end",
      outcome: "unavailable",
      result: "mailbox",
      note: null,
    });
    // A chosen greeting goes with the call, for the caller's message.
    expect(firstStep(decided({ type: "mailbox", greeting: "temporary" }), ctx)).toMatchObject({ type: "end", greeting: "temporary" });
    expect(firstStep(decided({ type: "decline", text: "In a meeting until 3" }), ctx)).toEqual({
      type: "end",
      outcome: "declined",
      result: "declined",
      note: "In a meeting until 3",
    });
  });
});

describe("the next step when a ring's time is over", () => {
  const plan: Plan = { devices: [phone, tablet], seconds: 15, otherwise: { type: "mailbox" } };
  it("rings the next device still connected, skipping one that went away", () => {
    const s = nextStep(plan, new Set(["d1", "d3"]), now);
    expect(s).toEqual({ type: "ring", device: tablet, rang: tablet.label, until: new Date(now.getTime() + 15_000), plan: null });
  });
  it("after the last device the call is missed, or forwarded when the rule says so", () => {
    expect(nextStep({ ...plan, devices: [] }, new Set(), now)).toEqual({ type: "end", outcome: "missed", result: "missed", note: null });
    expect(nextStep({ ...plan, devices: [], otherwise: { type: "forward", to: "222200000009" } }, new Set(), now)).toEqual({
      type: "forward",
      to: "222200000009",
    });
  });
});

describe("forward loops", () => {
  it("cuts a forward back to anyone on the path, and a chain past the hop limit", () => {
    expect(forwardAllowed(["caller", "ada"], "ben")).toBe(true);
    expect(forwardAllowed(["caller", "ada", "ben"], "ada")).toBe(false);
    expect(forwardAllowed(["caller", "ada"], "caller")).toBe(false);
    // The caller, the member dialled, and MAX_FORWARDS members forwarded to.
    const long = ["caller", ...Array.from({ length: MAX_FORWARDS + 1 }, (_, i) => `m${i}`)];
    expect(forwardAllowed(long, "other")).toBe(false);
    expect(forwardAllowed(long.slice(0, -1), "other")).toBe(true);
  });
});
