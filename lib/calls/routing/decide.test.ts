import { describe, expect, it } from "vitest";
import { callerMatches, decide } from "./decide";
import {
  type CallerFacts,
  type CallerMatch,
  type DecideInput,
  MAX_RULES,
  ROUTING_STATUSES,
  type RoutingStatus,
  type Rule,
  ruleDocSchema,
} from "./rules";

type RuleInput = { id: string; name?: string; enabled?: boolean; when?: object; then?: object };
const rule = (r: RuleInput) => ({ when: {}, then: { type: "decline", text: `no (${r.id})` }, ...r });
const doc = (rules: RuleInput[], more: object = {}) => ruleDocSchema.parse({ timeZone: "Europe/Lisbon", rules: rules.map(rule), ...more });

const facts = (f: Partial<CallerFacts> = {}): CallerFacts => ({
  kind: "member",
  contact: false,
  favourite: false,
  groupIds: [],
  repeat: false,
  ...f,
});
const CALLERS = {
  stranger: facts(),
  contact: facts({ contact: true }),
  favourite: facts({ contact: true, favourite: true }),
  guest: facts({ kind: "guest" }),
  repeat: facts({ repeat: true }),
  inFamily: facts({ contact: true, groupIds: ["work", "family"] }),
};
type Who = keyof typeof CALLERS;

// Monday 2026-03-02 10:00 in Lisbon (WET = UTC).
const MONDAY_10 = new Date("2026-03-02T10:00:00Z");
const input = (d: DecideInput["doc"], over: Partial<DecideInput> = {}): DecideInput => ({
  doc: d,
  caller: CALLERS.stranger,
  status: "online",
  now: MONDAY_10,
  defaultRingSeconds: 25,
  ...over,
});
const ruleId = (d: DecideInput["doc"], over: Partial<DecideInput> = {}) => decide(input(d, over)).ruleId;
const RING_DEFAULT = { type: "ring", devices: "all", seconds: 25, otherwise: { type: "mailbox" } };

describe("conditions, one kind at a time", () => {
  const matching = (m: CallerMatch) => (Object.keys(CALLERS) as Who[]).filter((w) => callerMatches(m, CALLERS[w]));
  it("matches each kind of caller", () => {
    expect(matching({ type: "favourites" })).toEqual(["favourite"]);
    expect(matching({ type: "contacts" })).toEqual(["contact", "favourite", "inFamily"]);
    expect(matching({ type: "strangers" })).toEqual(["stranger", "repeat"]);
    expect(matching({ type: "guests" })).toEqual(["guest"]);
    expect(matching({ type: "repeat" })).toEqual(["repeat"]);
    expect(matching({ type: "group", groupId: "family" })).toEqual(["inFamily"]);
    expect(matching({ type: "group", groupId: "fam" })).toEqual([]);
  });
  it("applies a caller condition through decide", () => {
    const d = doc([{ id: "guests", when: { callers: [{ type: "guests" }] } }]);
    expect(ruleId(d, { caller: CALLERS.guest })).toBe("guests");
    expect(ruleId(d, { caller: CALLERS.stranger })).toBeNull();
  });
  it("matches any of the statuses listed, and every status when none is", () => {
    const d = doc([{ id: "away", when: { statuses: ["away", "busy"] } }]);
    expect(ROUTING_STATUSES.map((status) => ruleId(d, { status }))).toEqual([null, "away", "away", null, null]);
    const any = doc([{ id: "any" }]);
    expect(ROUTING_STATUSES.map((status) => ruleId(any, { status }))).toEqual(["any", "any", "any", "any", "any"]);
  });
  it("matches during its schedule in the document's zone", () => {
    const d = doc([{ id: "office", when: { schedule: { days: [1, 2, 3, 4, 5], from: "09:00", to: "17:00" } } }], {
      timeZone: "Asia/Tokyo",
    });
    expect(ruleId(d, { now: new Date("2026-03-02T00:00:00Z") })).toBe("office"); // Monday 09:00 in Tokyo
    expect(ruleId(d, { now: new Date("2026-03-01T23:59:00Z") })).toBeNull(); // 08:59
    expect(ruleId(d, { now: MONDAY_10 })).toBeNull(); // 19:00
  });
});

describe("conditions together", () => {
  it("needs every kind to hold (AND), any one within a kind (OR)", () => {
    const d = doc([
      {
        id: "r",
        when: {
          statuses: ["away", "busy"],
          callers: [{ type: "guests" }, { type: "group", groupId: "family" }],
          schedule: { days: [1], from: "08:00", to: "12:00" },
        },
      },
    ]);
    expect(ruleId(d, { status: "away", caller: CALLERS.guest })).toBe("r");
    expect(ruleId(d, { status: "busy", caller: CALLERS.inFamily })).toBe("r");
    expect(ruleId(d, { status: "online", caller: CALLERS.guest })).toBeNull(); // status fails
    expect(ruleId(d, { status: "away", caller: CALLERS.contact })).toBeNull(); // caller fails
    expect(ruleId(d, { status: "away", caller: CALLERS.guest, now: new Date("2026-03-02T12:00:00Z") })).toBeNull(); // time fails
    expect(ruleId(d, { status: "away", caller: CALLERS.guest, now: new Date("2026-03-03T10:00:00Z") })).toBeNull(); // Tuesday
  });
});

describe("order", () => {
  const rules: RuleInput[] = [
    { id: "off", enabled: false, name: "Switched off" },
    { id: "contacts", name: "Contacts", when: { callers: [{ type: "contacts" }] }, then: { type: "mailbox" } },
    { id: "all" },
  ];
  it("skips disabled rules and takes the first that matches", () => {
    const d = doc(rules);
    expect(decide(input(d, { caller: CALLERS.contact }))).toEqual({
      ruleId: "contacts",
      status: "online",
      action: { type: "mailbox", greeting: "current" },
      reason: "Rule “Contacts”",
    });
    // Unnamed rules are named by their place in the list, disabled ones counted.
    expect(decide(input(d))).toEqual({
      ruleId: "all",
      status: "online",
      action: { type: "decline", text: "no (all)" },
      reason: "Rule “Rule 3”",
    });
  });
  it("lets the earlier rule win when two match", () => {
    expect(ruleId(doc([rules[2]!, rules[1]!]), { caller: CALLERS.contact })).toBe("all");
    expect(ruleId(doc([{ ...rules[0]!, enabled: true, id: "off-now-on" }, ...rules]), { caller: CALLERS.contact })).toBe("off-now-on");
  });
  it("refuses two rules with one id, and stores a time zone in its own spelling", () => {
    expect(() => doc([rules[1]!, rules[1]!])).toThrow(/same id/);
    expect(doc([], { timeZone: "europe/LISBON" }).timeZone).toBe("Europe/Lisbon");
  });
  it("gives the rule's own action, defaults filled in by the schema", () => {
    const d = doc([{ id: "fwd", then: { type: "ring", devices: "sequence", otherwise: { type: "forward", to: "351 912 345 678" } } }]);
    const { action } = decide(input(d));
    expect(action).toEqual({ type: "ring", devices: "sequence", seconds: 30, otherwise: { type: "forward", to: "351912345678" } });
    expect(action).toBe(d.rules[0]!.then);
  });
});

describe("the default (no rule matches)", () => {
  it("rings every device for the deployment's time, or goes to the mailbox under do-not-disturb", () => {
    const d = doc([]);
    for (const status of ["online", "away", "busy", "offline"] as RoutingStatus[]) {
      expect(decide(input(d, { status }))).toEqual({ ruleId: null, status, action: RING_DEFAULT, reason: "Default: ring every device" });
    }
    expect(decide(input(d, { status: "dnd" }))).toEqual({
      ruleId: null,
      status: "dnd",
      action: { type: "mailbox", greeting: "current" },
      reason: "Do-not-disturb: to the mailbox",
    });
    expect(decide(input(d, { defaultRingSeconds: 12 })).action).toMatchObject({ seconds: 12 });
  });
});

describe("do-not-disturb exceptions", () => {
  const both = { dnd: { favourites: true, repeatCallers: true } };
  it("lets favourites and repeat callers through as if online", () => {
    const d = doc([], both);
    expect(decide(input(d, { status: "dnd", caller: CALLERS.favourite }))).toEqual({
      ruleId: null,
      status: "online",
      action: RING_DEFAULT,
      reason: "Do-not-disturb lets favourites through. Default: ring every device",
    });
    expect(decide(input(d, { status: "dnd", caller: CALLERS.repeat }))).toMatchObject({
      status: "online",
      action: RING_DEFAULT,
      reason: "Do-not-disturb lets repeat callers through. Default: ring every device",
    });
  });
  it("sends anyone else to the mailbox", () => {
    for (const who of ["stranger", "contact", "guest", "inFamily"] as Who[]) {
      expect(decide(input(doc([], both), { status: "dnd", caller: CALLERS[who] }))).toMatchObject({
        status: "dnd",
        action: { type: "mailbox", greeting: "current" },
      });
    }
  });
  it("lets no one through when the exception is off", () => {
    const favouritesOnly = doc([], { dnd: { favourites: true } });
    expect(decide(input(favouritesOnly, { status: "dnd", caller: CALLERS.repeat }))).toMatchObject({
      status: "dnd",
      action: { type: "mailbox", greeting: "current" },
    });
    const off = doc([]);
    expect(decide(input(off, { status: "dnd", caller: CALLERS.favourite }))).toMatchObject({ status: "dnd", action: { type: "mailbox" } });
    expect(off.dnd).toEqual({ favourites: false, repeatCallers: false });
  });
  it("applies the rules for online to a caller let through, and not the rules for do-not-disturb", () => {
    const d = doc(
      [
        { id: "quiet", name: "Quiet", when: { statuses: ["dnd"] }, then: { type: "decline", text: "Asleep" } },
        { id: "online", name: "Desk phone", when: { statuses: ["online"] }, then: { type: "ring", devices: "sequence", seconds: 10 } },
      ],
      both,
    );
    expect(decide(input(d, { status: "dnd", caller: CALLERS.favourite }))).toEqual({
      ruleId: "online",
      status: "online",
      action: { type: "ring", devices: "sequence", seconds: 10, otherwise: { type: "mailbox" } },
      reason: "Do-not-disturb lets favourites through. Rule “Desk phone”",
    });
    expect(decide(input(d, { status: "dnd", caller: CALLERS.contact }))).toMatchObject({
      ruleId: "quiet",
      status: "dnd",
      reason: "Rule “Quiet”",
    });
  });
});

describe("validating a rule document", () => {
  const parse = (d: object) => ruleDocSchema.safeParse({ timeZone: "Europe/Lisbon", rules: [], ...d });
  const messages = (d: object) => parse(d).error?.issues.map((i) => i.message) ?? [];
  const forwardTo = (to: string) => parse({ rules: [rule({ id: "f", then: { type: "forward", to } })] });

  it("refuses an unknown time zone", () => {
    expect(messages({ timeZone: "Europe/Atlantis" })).toEqual(["Unknown time zone"]);
    expect(parse({ timeZone: "America/New_York" }).success).toBe(true);
  });
  it("refuses a schedule that starts when it ends", () => {
    const at = (from: string, to: string) => ({ rules: [rule({ id: "s", when: { schedule: { days: [1], from, to } } })] });
    expect(messages(at("09:00", "09:00"))).toEqual(["The start and end times are the same"]);
    expect(messages(at("24:00", "09:00"))).toEqual(["Times are HH:MM, 00:00 to 23:59"]);
    expect(parse(at("22:00", "06:00")).success).toBe(true);
  });
  it(`takes at most ${MAX_RULES} rules`, () => {
    const many = (n: number) => ({ rules: Array.from({ length: n }, (_, i) => rule({ id: `r${i}` })) });
    expect(parse(many(MAX_RULES)).success).toBe(true);
    expect(messages(many(MAX_RULES + 1))).toEqual([`At most ${MAX_RULES} rules`]);
  });
  it("takes a 12-digit forward number with spaces or dashes, and nothing else", () => {
    const ok = forwardTo(" 351 912 345-678 ");
    expect(ok.success && (ok.data.rules[0] as Rule).then).toEqual({ type: "forward", to: "351912345678" });
    for (const bad of ["35191234567", "3519123456789", "151912345678", "35191234567x", "+351912345678", ""]) {
      expect(forwardTo(bad).error?.issues[0]?.message, bad).toBe("Enter a 12-digit number (first digit 2-9)");
    }
  });
});
