import { describe, expect, it } from "vitest";
import type { RuleDoc } from "@/lib/calls/routing/rules";
import { checkDraft, differs, fromDoc, newRule, pinServerMessage, ruleErrors } from "./draft";
import { ruleSummary } from "./summary";

const saved: RuleDoc = {
  timeZone: "Europe/Lisbon",
  dnd: { favourites: true, repeatCallers: false },
  awayReply: "Back soon",
  rules: [
    {
      id: "a",
      name: "Nights",
      enabled: true,
      when: { statuses: ["dnd"], callers: [{ type: "favourites" }], schedule: { days: [1, 2, 3, 4, 5], from: "22:00", to: "07:00" } },
      then: { type: "ring", devices: "sequence", seconds: 20, otherwise: { type: "forward", to: "200010000001" } },
    },
    { id: "b", name: "", enabled: false, when: { statuses: [], callers: [] }, then: { type: "decline", text: "Busy" } },
  ],
};

describe("the rules editor's draft", () => {
  it("round-trips a saved document unchanged, and sees any edit as a change", () => {
    const d = fromDoc(saved);
    expect(d.rules[0]!.action.otherwiseTo).toBe("2000 1000 0001");
    const checked = checkDraft(d);
    expect(checked.ok && checked.doc).toEqual(saved);
    expect(differs(d, saved)).toBe(false);
    d.rules[1]!.enabled = true;
    expect(differs(d, saved)).toBe(true);
  });

  it("keeps what was typed for another action, and refuses an empty ring time instead of defaulting it", () => {
    const d = fromDoc(saved);
    const r = d.rules[1]!;
    r.action = { ...r.action, choice: "forward", forwardTo: "2000 1000 0002" };
    r.action = { ...r.action, choice: "decline" };
    expect(r.action.forwardTo).toBe("2000 1000 0002");
    const fresh = newRule();
    fresh.action.seconds = "";
    const checked = checkDraft({ ...d, rules: [fresh] });
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(ruleErrors(checked.errors, fresh.id)["then.seconds"]).toMatch(/5 to 120 seconds/);
  });

  it("pins a server refusal that names a number to the field holding it", () => {
    const d = fromDoc(saved);
    const errors = pinServerMessage("No member has the number 2000 1000 0001.", d, null);
    expect(errors).toEqual({ "a/then.otherwise.to": "No member has the number 2000 1000 0001." });
  });

  it("keeps the greeting a mailbox rule chose", () => {
    const doc: RuleDoc = {
      ...saved,
      rules: [{ id: "m", name: "", enabled: true, when: { statuses: [], callers: [] }, then: { type: "mailbox", greeting: "temporary" } }],
    };
    const d = fromDoc(doc);
    expect(d.rules[0]!.action.greeting).toBe("temporary");
    const checked = checkDraft(d);
    expect(checked.ok && checked.doc.rules[0]!.then).toEqual({ type: "mailbox", greeting: "temporary" });
    expect(ruleSummary(d.rules[0]!, new Map())).toBe("Every call: send to mailbox (temporary greeting)");
  });

  it("summarises a rule in plain words", () => {
    const d = fromDoc(saved);
    expect(ruleSummary(d.rules[0]!, new Map())).toBe(
      "When do-not-disturb, from favourites, weekdays 22:00–07:00 (overnight): ring devices one by one, 20 s each, then forward to 2000 1000 0001",
    );
    expect(ruleSummary(d.rules[1]!, new Map())).toBe("Every call: decline with “Busy”");
  });
});
