"use client";

import { useState } from "react";
import { MAX_RULES } from "@/lib/calls/routing/rules";
import type { ContactGroupView } from "@/lib/contacts/groups";
import { type DraftRule, type FieldErrors, newRule, ruleErrors } from "./draft";
import { RuleCard } from "./rule-card";

type Props = {
  rules: DraftRule[];
  groups: ContactGroupView[];
  timeZone: string;
  errors: FieldErrors;
  expanded: Set<string>;
  setExpanded: (fn: (s: Set<string>) => Set<string>) => void;
  setRules: (fn: (rules: DraftRule[]) => DraftRule[]) => void;
  defaultRingSeconds: number;
};

/** Focus after React has drawn the change: the moved card's button, a new rule's name, or the add button. */
function focusSoon(id: string, fallback?: string) {
  requestAnimationFrame(() => {
    const el = document.getElementById(id) as HTMLButtonElement | null;
    if (el && !el.disabled) el.focus();
    else if (fallback) document.getElementById(fallback)?.focus();
  });
}

/** The ordered rules: add, remove, reorder, open for editing. */
export function RuleList({ rules, groups, timeZone, errors, expanded, setExpanded, setRules, defaultRingSeconds }: Props) {
  // Moving and removing change the page silently for a screen reader: say what happened.
  const [announcement, setAnnouncement] = useState("");
  const groupNames = new Map(groups.map((g) => [g.id, g.name]));
  const titleOf = (r: DraftRule, i: number) => r.name.trim() || `Rule ${i + 1}`;

  function add() {
    const rule = newRule();
    setRules((rs) => [...rs, rule]);
    setExpanded((s) => new Set(s).add(rule.id));
    setAnnouncement(`Rule ${rules.length + 1} added.`);
    focusSoon(`rule-${rule.id}-name`);
  }

  function move(id: string, delta: -1 | 1) {
    const from = rules.findIndex((r) => r.id === id);
    const to = from + delta;
    if (from < 0 || to < 0 || to >= rules.length) return;
    setRules((rs) => {
      const next = [...rs];
      const [r] = next.splice(from, 1);
      next.splice(to, 0, r!);
      return next;
    });
    setAnnouncement(`${titleOf(rules[from]!, from)} moved to position ${to + 1} of ${rules.length}.`);
    // The button pressed may now be disabled (top or bottom): then its neighbour keeps the focus.
    focusSoon(`rule-${id}-${delta < 0 ? "up" : "down"}`, `rule-${id}-${delta < 0 ? "down" : "up"}`);
  }

  function remove(id: string) {
    const i = rules.findIndex((r) => r.id === id);
    const r = rules[i];
    if (!r) return;
    setRules((rs) => rs.filter((x) => x.id !== id));
    setAnnouncement(`${titleOf(r, i)} removed. Save to keep the change.`);
    focusSoon("add-rule");
  }

  return (
    <section aria-labelledby="rules-title" className="space-y-3">
      <h2 id="rules-title" className="text-lg font-semibold">
        Your rules
      </h2>
      {rules.length === 0 ? (
        <div className="rounded-2xl border border-dashed border-slate-300 bg-white p-5 text-slate-700">
          <p className="font-medium text-slate-900">No rules yet.</p>
          <p className="mt-1 text-sm">
            Every call rings all your devices for {defaultRingSeconds} seconds, then goes to your mailbox. Add a rule to send some calls
            elsewhere: let only favourites ring while you are busy, forward calls to a colleague outside office hours, or decline with a
            message.
          </p>
        </div>
      ) : (
        <ol className="space-y-3" data-testid="rules-list" aria-labelledby="rules-title">
          {rules.map((r, i) => (
            <RuleCard
              key={r.id}
              rule={r}
              index={i}
              count={rules.length}
              expanded={expanded.has(r.id)}
              groups={groups}
              groupNames={groupNames}
              timeZone={timeZone}
              errors={ruleErrors(errors, r.id)}
              onChange={(fn) => setRules((rs) => rs.map((x) => (x.id === r.id ? fn(x) : x)))}
              onMove={(d) => move(r.id, d)}
              onRemove={() => remove(r.id)}
              onToggle={() =>
                setExpanded((s) => {
                  const next = new Set(s);
                  if (!next.delete(r.id)) next.add(r.id);
                  return next;
                })
              }
            />
          ))}
        </ol>
      )}
      <div className="flex flex-wrap items-center gap-3">
        <button
          type="button"
          id="add-rule"
          onClick={add}
          disabled={rules.length >= MAX_RULES}
          className="rounded-lg border border-brand-600 bg-white px-4 py-2 text-sm font-semibold text-brand-700 hover:bg-brand-50 disabled:opacity-60"
          data-testid="add-rule"
        >
          + Add a rule
        </button>
        {rules.length >= MAX_RULES && <p className="text-sm text-slate-700">{MAX_RULES} rules is the most you can have.</p>}
        {errors.rules && <p className="text-sm text-red-700">{errors.rules}</p>}
      </div>
      <p className="sr-only" aria-live="polite">
        {announcement}
      </p>
    </section>
  );
}
