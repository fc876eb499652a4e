"use client";

import type { ContactGroupView } from "@/lib/contacts/groups";
import { ActionFields } from "./action-fields";
import { ConditionsFields } from "./conditions-fields";
import type { DraftRule, FieldErrors } from "./draft";
import { ruleSummary } from "./summary";
import { FieldError, inputClass } from "./ui";

type Props = {
  rule: DraftRule;
  index: number;
  count: number;
  expanded: boolean;
  groups: ContactGroupView[];
  groupNames: Map<string, string>;
  timeZone: string;
  errors: FieldErrors;
  onChange: (fn: (r: DraftRule) => DraftRule) => void;
  onMove: (delta: -1 | 1) => void;
  onRemove: () => void;
  onToggle: () => void;
};

const smallButton =
  "rounded-lg border border-slate-300 bg-white px-2.5 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-100 disabled:cursor-not-allowed disabled:opacity-50";

/** One rule: its place in the order and a summary, and when opened its name, conditions and action. */
export function RuleCard({
  rule,
  index,
  count,
  expanded,
  groups,
  groupNames,
  timeZone,
  errors,
  onChange,
  onMove,
  onRemove,
  onToggle,
}: Props) {
  const uid = `rule-${rule.id}`;
  const title = rule.name.trim() || `Rule ${index + 1}`;
  const problems = Object.keys(errors).length;
  return (
    <li
      className={`rounded-2xl border bg-white p-4 shadow-sm ${problems ? "border-red-300" : "border-slate-200"} ${rule.enabled ? "" : "bg-slate-50"}`}
      data-testid="rule-card"
      data-rule-name={rule.name.trim()}
      aria-labelledby={`${uid}-title`}
    >
      <div className="flex items-start gap-3">
        <span
          className="mt-0.5 flex h-7 w-7 shrink-0 items-center justify-center rounded-full bg-slate-200 text-sm font-semibold text-slate-800"
          aria-hidden="true"
        >
          {index + 1}
        </span>
        <div className="min-w-0 flex-1">
          <h3 id={`${uid}-title`} className="break-words font-semibold text-slate-900">
            <span className="sr-only">
              Rule {index + 1} of {count}:{" "}
            </span>
            {title}
            {!rule.enabled && <span className="ml-2 rounded bg-slate-200 px-1.5 py-0.5 text-xs font-medium text-slate-800">Off</span>}
          </h3>
          <p className="mt-0.5 break-words text-sm text-slate-700" data-testid="rule-summary">
            {ruleSummary(rule, groupNames)}
          </p>
          {problems > 0 && !expanded && (
            <p className="mt-1 text-sm text-red-700">
              {problems === 1 ? "One field needs attention." : `${problems} fields need attention.`}
            </p>
          )}
        </div>
      </div>

      <div className="mt-3 flex flex-wrap items-center gap-2">
        <label className="mr-1 flex items-center gap-2 text-sm font-medium text-slate-800">
          <input type="checkbox" checked={rule.enabled} onChange={(e) => onChange((r) => ({ ...r, enabled: e.target.checked }))} />
          On
          <span className="sr-only"> ({title})</span>
        </label>
        <button
          type="button"
          onClick={onToggle}
          aria-expanded={expanded}
          aria-controls={`${uid}-body`}
          className={smallButton}
          data-testid="rule-edit"
        >
          {expanded ? "Close" : "Edit"}
          <span className="sr-only"> {title}</span>
        </button>
        <button
          type="button"
          id={`${uid}-up`}
          onClick={() => onMove(-1)}
          disabled={index === 0}
          aria-label={`Move ${title} up`}
          className={`${smallButton} min-w-10`}
        >
          <span aria-hidden="true">↑</span>
          {/* The word only where there is room: the label names the rule either way. */}
          <span className="hidden sm:inline"> Up</span>
        </button>
        <button
          type="button"
          id={`${uid}-down`}
          onClick={() => onMove(1)}
          disabled={index === count - 1}
          aria-label={`Move ${title} down`}
          className={`${smallButton} min-w-10`}
        >
          <span aria-hidden="true">↓</span>
          <span className="hidden sm:inline"> Down</span>
        </button>
        <button
          type="button"
          onClick={onRemove}
          aria-label={`Remove ${title}`}
          className={`${smallButton} ml-auto text-red-700 hover:bg-red-50`}
          data-testid="rule-remove"
        >
          Remove
        </button>
      </div>

      {expanded && (
        <div id={`${uid}-body`} className="mt-4 space-y-4 border-t border-slate-100 pt-4">
          <div>
            <label htmlFor={`${uid}-name`} className="block text-sm font-medium text-slate-800">
              Name
            </label>
            <input
              id={`${uid}-name`}
              value={rule.name}
              maxLength={60}
              onChange={(e) => onChange((r) => ({ ...r, name: e.target.value }))}
              placeholder={`Rule ${index + 1}, e.g. Office hours`}
              aria-invalid={!!errors.name}
              aria-describedby={errors.name ? `${uid}-name-error` : undefined}
              className={`${inputClass} sm:max-w-sm`}
              data-testid="rule-name"
            />
            <FieldError id={`${uid}-name-error`} message={errors.name} />
          </div>
          <ConditionsFields rule={rule} uid={uid} groups={groups} timeZone={timeZone} errors={errors} onChange={onChange} />
          <ActionFields
            action={rule.action}
            uid={uid}
            errors={errors}
            onChange={(patch) => onChange((r) => ({ ...r, action: { ...r.action, ...patch } }))}
          />
          {errors[""] && <FieldError id={`${uid}-error`} message={errors[""]} />}
        </div>
      )}
    </li>
  );
}
