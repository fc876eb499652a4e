import { describe, expect, it } from "vitest";
import { describePath, huntReason, type PathLeg, STOPPED } from "./describe-path";

const t = (s: number) => new Date(Date.UTC(2026, 11, 2, 10, 0, s));
const ada: PathLeg = {
  memberId: "ada",
  name: "Ada",
  rang: "Chrome on Linux, Safari on iPhone",
  result: "forwarded",
  startedAt: t(0),
  endedAt: t(20),
};
const ana: PathLeg = { memberId: "ana", name: "Ana", rang: "Firefox on Mac", result: "answered", startedAt: t(20), endedAt: t(24) };

describe("a call's path in words", () => {
  it("shows the owner their own devices, then who it went to", () => {
    expect(describePath([ada, ana], "ada")).toEqual([
      "rang Chrome on Linux and Safari on iPhone 20 s",
      "forwarded to Ana",
      "rang Ana 4 s",
      "Ana answered",
    ]);
  });
  it("shows others the people rung, never their devices", () => {
    const seen = describePath([ada, ana], "caller");
    expect(seen).toEqual(["rang Ada 20 s", "forwarded to Ana", "rang Ana 4 s", "Ana answered"]);
    expect(seen.join(" ")).not.toContain("Chrome");
    expect(describePath([ada, ana], "ana")).toEqual(["rang Ada 20 s", "forwarded to you", "rang Firefox on Mac 4 s", "answered"]);
  });
  it("says how a path ended without ringing: a forward at once, the mailbox, a loop, a decline", () => {
    const fwd: PathLeg = { ...ada, rang: "", endedAt: t(0) };
    const box: PathLeg = { ...ana, rang: "", result: "mailbox", endedAt: t(20) };
    expect(describePath([fwd, box], "caller")).toEqual(["forwarded to Ana", "to Ana's mailbox"]);
    expect(describePath([{ ...fwd, result: "loop", reason: `Rule 1; ${STOPPED.loop}` }], "ada")).toEqual([
      "forwarding stopped: it would go round in a loop",
    ]);
    // The forwarder reads why it stopped; the caller only that it did.
    const cut: PathLeg = { ...fwd, result: "loop", reason: `Rule “a; b”; ${STOPPED.noMember}` };
    expect(describePath([cut], "ada")).toEqual(["forwarding stopped: no member has the number it forwards to"]);
    expect(describePath([cut], "caller")).toEqual(["forwarding stopped"]);
    const group: PathLeg = { ...cut, reason: `Rule “x”; ${STOPPED.nobodyIn("Sales; EU")}` };
    expect(describePath([group], "ada")).toEqual(["forwarding stopped: nobody in Sales; EU can take the call now"]);
    // Someone's block is not for the forwarder to learn.
    expect(describePath([{ ...cut, reason: `Rule “x”; ${STOPPED.refused}` }], "ada")).toEqual(["forwarding stopped"]);
    expect(describePath([{ ...ada, result: "declined" }], "caller")).toEqual(["rang Ada 20 s", "Ada declined"]);
    expect(describePath([{ ...ada, result: null, endedAt: null }], "ada", t(7))).toEqual([
      "rang Chrome on Linux and Safari on iPhone 7 s",
      "ringing",
    ]);
  });
  it("names the group a call was forwarded to, and its members rung in turn as one step: who answered, or nobody", () => {
    const fwd: PathLeg = { ...ada, rang: "", endedAt: t(0) };
    const bo: PathLeg = {
      ...ana,
      memberId: "bo",
      name: "Bo",
      result: "missed",
      startedAt: t(0),
      endedAt: t(15),
      reason: huntReason("Desk"),
    };
    const cy: PathLeg = { ...ana, memberId: "cy", name: "Cy", startedAt: t(15), endedAt: t(18), reason: huntReason("Desk") };
    expect(describePath([fwd, bo, cy], "caller")).toEqual(["forwarded to the group Desk", "rang its members 18 s", "Cy answered"]);
    expect(describePath([fwd, bo, cy], "cy")).toEqual(["forwarded to the group Desk", "rang its members 18 s", "you answered"]);
    expect(describePath([fwd, bo, { ...cy, result: "missed" }], "ada")).toEqual([
      "forwarded to the group Desk",
      "rang its members 18 s",
      "nobody in Desk answered",
    ]);
    expect(describePath([fwd, { ...bo, result: null, endedAt: null }], "caller", t(4))).toEqual([
      "forwarded to the group Desk",
      "rang its members 4 s",
      "ringing",
    ]);
  });
});
