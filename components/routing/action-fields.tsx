"use client";

import Link from "next/link";
import { DECLINE_TEXT_MAX, RING_SECONDS_MAX, RING_SECONDS_MIN } from "@/lib/calls/routing/rules";
import type { ActionChoice, DraftAction, FieldErrors } from "./draft";
import { Counter, FieldError, fieldsetClass, inputClass, legendClass } from "./ui";

const CHOICES: { value: ActionChoice; label: string; hint: string }[] = [
  { value: "ring-all", label: "Ring all my devices", hint: "Every browser you are signed in on rings at once." },
  { value: "ring-sequence", label: "Ring my devices one by one", hint: "The one you used last first, then the next." },
  {
    value: "forward",
    label: "Forward to number",
    hint: "Another member's number (their own rules then apply), or a group's you are in (its members ring in turn).",
  },
  { value: "mailbox", label: "Send to mailbox", hint: "No ringing: the caller can leave a video message." },
  { value: "decline", label: "Decline with a message", hint: "The caller sees your message instead of ringing." },
];

type Props = {
  action: DraftAction;
  uid: string;
  errors: FieldErrors;
  onChange: (patch: Partial<DraftAction>) => void;
};

/** "Then": what a matching call does. */
export function ActionFields({ action, uid, errors, onChange }: Props) {
  const ringing = action.choice === "ring-all" || action.choice === "ring-sequence";
  return (
    <fieldset className={fieldsetClass}>
      <legend className={legendClass}>Then</legend>
      <div className="space-y-2">
        {CHOICES.map((c) => (
          <div key={c.value} className="flex items-start gap-2 text-sm">
            <input
              type="radio"
              id={`${uid}-action-${c.value}`}
              name={`${uid}-action`}
              value={c.value}
              checked={action.choice === c.value}
              onChange={() => onChange({ choice: c.value })}
              aria-describedby={`${uid}-action-${c.value}-hint`}
              className="mt-1"
            />
            <div>
              <label htmlFor={`${uid}-action-${c.value}`} className="font-medium text-slate-900">
                {c.label}
              </label>
              <p id={`${uid}-action-${c.value}-hint`} className="text-xs text-slate-600">
                {c.hint}
              </p>
            </div>
          </div>
        ))}
      </div>

      {ringing && (
        <div className="mt-3 space-y-3 border-l-2 border-slate-200 pl-3">
          <div>
            <label htmlFor={`${uid}-seconds`} className="block text-sm font-medium text-slate-800">
              {action.choice === "ring-all" ? "Ring for (seconds)" : "Ring each device for (seconds)"}
            </label>
            <input
              id={`${uid}-seconds`}
              type="number"
              inputMode="numeric"
              min={RING_SECONDS_MIN}
              max={RING_SECONDS_MAX}
              step={1}
              value={action.seconds}
              onChange={(e) => onChange({ seconds: e.target.value })}
              aria-invalid={!!errors["then.seconds"]}
              aria-describedby={`${uid}-seconds-${errors["then.seconds"] ? "error" : "hint"}`}
              className={`${inputClass} max-w-32`}
            />
            {!errors["then.seconds"] && (
              <p id={`${uid}-seconds-hint`} className="mt-1 text-xs text-slate-600">
                {RING_SECONDS_MIN} to {RING_SECONDS_MAX}.
              </p>
            )}
            <FieldError id={`${uid}-seconds-error`} message={errors["then.seconds"]} />
          </div>
          <fieldset>
            <legend className="text-sm font-medium text-slate-800">If not answered</legend>
            <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
              {(["mailbox", "forward"] as const).map((o) => (
                <label key={o} className="flex items-center gap-2 text-sm">
                  <input
                    type="radio"
                    name={`${uid}-otherwise`}
                    checked={action.otherwise === o}
                    onChange={() => onChange({ otherwise: o })}
                  />
                  {o === "mailbox" ? "Mailbox" : "Forward"}
                </label>
              ))}
            </div>
            {action.otherwise === "forward" && (
              <NumberInput
                id={`${uid}-otherwise-to`}
                label="Forward unanswered calls to"
                value={action.otherwiseTo}
                error={errors["then.otherwise.to"]}
                onChange={(v) => onChange({ otherwiseTo: v })}
              />
            )}
          </fieldset>
        </div>
      )}

      {action.choice === "forward" && (
        <div className="mt-3 border-l-2 border-slate-200 pl-3">
          <NumberInput
            id={`${uid}-forward-to`}
            label="Forward to number"
            value={action.forwardTo}
            error={errors["then.to"]}
            onChange={(v) => onChange({ forwardTo: v })}
          />
        </div>
      )}

      {action.choice === "mailbox" && (
        <div className="mt-3 border-l-2 border-slate-200 pl-3">
          <label htmlFor={`${uid}-greeting`} className="block text-sm font-medium text-slate-800">
            Greeting the caller hears
          </label>
          <select
            id={`${uid}-greeting`}
            value={action.greeting}
            onChange={(e) => onChange({ greeting: e.target.value as DraftAction["greeting"] })}
            className={inputClass}
            data-testid="rule-greeting"
          >
            <option value="current">Whichever is current (the temporary one while it lasts)</option>
            <option value="standard">The standard greeting</option>
            <option value="temporary">The temporary greeting, even after its end date</option>
          </select>
          <p className="mt-1 text-xs text-slate-600">
            Record them on the{" "}
            <Link href="/mailbox" className="text-brand-700 underline">
              mailbox
            </Link>{" "}
            page. Without the one chosen, the current greeting plays.
          </p>
        </div>
      )}

      {action.choice === "decline" && (
        <div className="mt-3 border-l-2 border-slate-200 pl-3">
          <label htmlFor={`${uid}-text`} className="block text-sm font-medium text-slate-800">
            Message the caller sees
          </label>
          <textarea
            id={`${uid}-text`}
            value={action.text}
            maxLength={DECLINE_TEXT_MAX}
            rows={2}
            onChange={(e) => onChange({ text: e.target.value })}
            placeholder="In a meeting until 3 pm: leave a message or call me later."
            aria-invalid={!!errors["then.text"]}
            aria-describedby={[errors["then.text"] && `${uid}-text-error`, `${uid}-text-count`].filter(Boolean).join(" ")}
            className={inputClass}
          />
          <FieldError id={`${uid}-text-error`} message={errors["then.text"]} />
          <Counter id={`${uid}-text-count`} length={action.text.length} max={DECLINE_TEXT_MAX} />
        </div>
      )}
    </fieldset>
  );
}

function NumberInput({
  id,
  label,
  value,
  error,
  onChange,
}: {
  id: string;
  label: string;
  value: string;
  error?: string;
  onChange: (v: string) => void;
}) {
  return (
    <div className="mt-2">
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      <input
        id={id}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        maxLength={20}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        placeholder="2000 1000 0001"
        aria-invalid={!!error}
        aria-describedby={`${id}-${error ? "error" : "hint"}`}
        className={`${inputClass} tabular max-w-60`}
        data-testid="rule-forward-number"
      />
      {!error && (
        <p id={`${id}-hint`} className="mt-1 text-xs text-slate-600">
          A member&apos;s 12-digit number, or a group&apos;s you are in; spaces are fine.
        </p>
      )}
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}
