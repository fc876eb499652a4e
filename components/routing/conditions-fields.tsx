"use client";

import type { CallerMatch, RoutingStatus } from "@/lib/calls/routing/rules";
import { ROUTING_STATUSES } from "@/lib/calls/routing/rules";
import type { ContactGroupView } from "@/lib/contacts/groups";
import type { DraftRule, FieldErrors } from "./draft";
import { FieldError, fieldsetClass, legendClass, timeInputClass } from "./ui";
import { DAY_SHORT, STATUS_LABELS } from "./summary";

const DAY_LONG = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

/** The caller kinds offered as boxes; "guests" exists in the schema but no call from a guest reaches a member yet. */
const CALLER_KINDS: { type: "favourites" | "contacts" | "strangers" | "repeat"; label: string }[] = [
  { type: "favourites", label: "Favourites" },
  { type: "contacts", label: "Any contact" },
  { type: "strangers", label: "Strangers (not in your contacts)" },
  { type: "repeat", label: "Repeat callers (2nd call in 15 min)" },
];

const sameCaller = (a: CallerMatch, b: CallerMatch) => a.type === b.type && (a.type !== "group" || a.groupId === (b as typeof a).groupId);

type Props = {
  rule: DraftRule;
  /** The id prefix for this rule's inputs. */
  uid: string;
  groups: ContactGroupView[];
  timeZone: string;
  errors: FieldErrors;
  onChange: (fn: (r: DraftRule) => DraftRule) => void;
};

/** "When": the member's status, who calls, and an optional weekly schedule. */
export function ConditionsFields({ rule, uid, groups, timeZone, errors, onChange }: Props) {
  const toggleStatus = (s: RoutingStatus, on: boolean) =>
    onChange((r) => ({
      ...r,
      statuses: on ? ROUTING_STATUSES.filter((x) => x === s || r.statuses.includes(x)) : r.statuses.filter((x) => x !== s),
    }));
  const toggleCaller = (c: CallerMatch, on: boolean) =>
    onChange((r) => ({ ...r, callers: on ? [...r.callers, c] : r.callers.filter((x) => !sameCaller(x, c)) }));
  const has = (c: CallerMatch) => rule.callers.some((x) => sameCaller(x, c));
  // A group deleted since the rule was saved stays listed, ticked, so it can be unticked (the server refuses it).
  const known = new Set(groups.map((g) => g.id));
  const gone = rule.callers.flatMap((c) => (c.type === "group" && !known.has(c.groupId) ? [c] : []));
  const s = rule.schedule;
  const setSchedule = (patch: Partial<DraftRule["schedule"]>) => onChange((r) => ({ ...r, schedule: { ...r.schedule, ...patch } }));
  const overnight = s.from && s.to && s.to < s.from;

  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <fieldset className={fieldsetClass}>
        <legend className={legendClass}>When my status is</legend>
        <p id={`${uid}-st-hint`} className="text-xs text-slate-600">
          None ticked: any status.
        </p>
        {ROUTING_STATUSES.map((st) => (
          <label key={st} className="flex items-center gap-2 text-sm">
            <input type="checkbox" checked={rule.statuses.includes(st)} onChange={(e) => toggleStatus(st, e.target.checked)} />
            {STATUS_LABELS[st]}
          </label>
        ))}
      </fieldset>

      <fieldset className={fieldsetClass} aria-describedby={errors["when.callers"] ? `${uid}-callers-error` : undefined}>
        <legend className={legendClass}>And the caller is</legend>
        <p className="text-xs text-slate-600">None ticked: anyone. Several: any of them.</p>
        {CALLER_KINDS.map((k) => (
          <label key={k.type} className="flex items-center gap-2 text-sm">
            <input type="checkbox" checked={has({ type: k.type })} onChange={(e) => toggleCaller({ type: k.type }, e.target.checked)} />
            {k.label}
          </label>
        ))}
        {groups.map((g) => (
          <label key={g.id} className="flex items-center gap-2 text-sm">
            <input
              type="checkbox"
              checked={has({ type: "group", groupId: g.id })}
              onChange={(e) => toggleCaller({ type: "group", groupId: g.id }, e.target.checked)}
            />
            <span className="min-w-0 break-words">In my group “{g.name}”</span>
          </label>
        ))}
        {gone.map((c) => (
          <label key={c.groupId} className="flex items-center gap-2 text-sm text-red-700">
            <input type="checkbox" checked onChange={() => toggleCaller(c, false)} />A contact group that was deleted
          </label>
        ))}
        <FieldError id={`${uid}-callers-error`} message={errors["when.callers"]} />
      </fieldset>

      <fieldset className={`${fieldsetClass} sm:col-span-2`}>
        <legend className={legendClass}>Schedule</legend>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" checked={s.on} onChange={(e) => setSchedule({ on: e.target.checked })} />
          Only on certain days and times
        </label>
        {s.on && (
          <div className="mt-2 space-y-3 border-l-2 border-slate-200 pl-3">
            <fieldset aria-describedby={errors["when.schedule.days"] ? `${uid}-days-error` : undefined}>
              <legend className="text-sm font-medium text-slate-800">Days</legend>
              <div className="mt-1 flex flex-wrap gap-x-3 gap-y-1">
                {DAY_SHORT.map((d, i) => (
                  <label key={d} className="flex items-center gap-1.5 text-sm">
                    <input
                      type="checkbox"
                      aria-label={DAY_LONG[i]}
                      checked={s.days.includes(i)}
                      onChange={(e) => setSchedule({ days: e.target.checked ? [...s.days, i] : s.days.filter((x) => x !== i) })}
                    />
                    <span aria-hidden="true">{d}</span>
                  </label>
                ))}
              </div>
              <FieldError id={`${uid}-days-error`} message={errors["when.schedule.days"]} />
            </fieldset>
            <div className="flex flex-wrap items-start gap-3">
              <TimeInput
                label="Start time"
                id={`${uid}-from`}
                value={s.from}
                error={errors["when.schedule.from"]}
                onChange={(v) => setSchedule({ from: v })}
              />
              <TimeInput
                label="End time"
                id={`${uid}-to`}
                value={s.to}
                error={errors["when.schedule.to"]}
                onChange={(v) => setSchedule({ to: v })}
              />
            </div>
            <FieldError id={`${uid}-range-error`} message={errors["when.schedule"]} />
            <p className="text-xs text-slate-600">
              {overnight ? "This runs past midnight, into the next day. " : ""}
              An end before the start runs past midnight (22:00 to 07:00 is overnight); the days are the ones it starts on. Times are in{" "}
              {timeZone.replaceAll("_", " ")}.
            </p>
          </div>
        )}
      </fieldset>
    </div>
  );
}

function TimeInput({
  label,
  id,
  value,
  error,
  onChange,
}: {
  label: string;
  id: string;
  value: string;
  error?: string;
  onChange: (v: string) => void;
}) {
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      <input
        id={id}
        type="time"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={!!error}
        aria-describedby={error ? `${id}-error` : undefined}
        className={timeInputClass}
      />
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}
