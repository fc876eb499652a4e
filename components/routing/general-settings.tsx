"use client";

import { useMemo } from "react";
import { AWAY_REPLY_MAX } from "@/lib/calls/routing/rules";
import type { Draft, FieldErrors } from "./draft";
import { Counter, FieldError, fieldsetClass, inputClass, legendClass } from "./ui";

/** Every zone the browser knows, plus the one saved (an alias such as "Asia/Calcutta" may be missing from the list). */
function zoneList(current: string): string[] {
  const zones = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [];
  const all = new Set([...zones, "UTC", current]);
  return [...all].sort((a, b) => a.localeCompare(b));
}

type Props = { draft: Draft; errors: FieldErrors; onChange: (patch: Partial<Draft>) => void };

/** The time zone schedules are read in, who rings through do-not-disturb, and the away auto-reply. */
export function GeneralSettings({ draft, errors, onChange }: Props) {
  const zones = useMemo(() => zoneList(draft.timeZone), [draft.timeZone]);
  return (
    <section aria-labelledby="general-title" className="space-y-4 rounded-2xl border border-slate-200 bg-white p-4 shadow-sm">
      <h2 id="general-title" className="text-lg font-semibold">
        Time zone, do-not-disturb and away
      </h2>
      <div>
        <label htmlFor="routing-tz" className="block text-sm font-medium text-slate-800">
          Time zone for schedules
        </label>
        <select
          id="routing-tz"
          value={draft.timeZone}
          onChange={(e) => onChange({ timeZone: e.target.value })}
          aria-invalid={!!errors.timeZone}
          aria-describedby={errors.timeZone ? "routing-tz-error" : "routing-tz-hint"}
          className={`${inputClass} sm:max-w-sm`}
          data-testid="routing-timezone"
        >
          {zones.map((z) => (
            <option key={z} value={z}>
              {z.replaceAll("_", " ")}
            </option>
          ))}
        </select>
        {!errors.timeZone && (
          <p id="routing-tz-hint" className="mt-1 text-xs text-slate-600">
            A rule&apos;s days and times are read on this clock, wherever you are when a call comes.
          </p>
        )}
        <FieldError id="routing-tz-error" message={errors.timeZone} />
      </div>

      <fieldset className={fieldsetClass}>
        <legend className={legendClass}>Do-not-disturb exceptions</legend>
        <p className="text-xs text-slate-600">They ring as if you were online, and your rules for “Online” apply to them.</p>
        <label className="flex items-center gap-2 text-sm">
          <input
            type="checkbox"
            checked={draft.dnd.favourites}
            onChange={(e) => onChange({ dnd: { ...draft.dnd, favourites: e.target.checked } })}
            data-testid="dnd-favourites"
          />
          Favourites ring through do-not-disturb
        </label>
        <label className="flex items-center gap-2 text-sm">
          <input
            type="checkbox"
            checked={draft.dnd.repeatCallers}
            onChange={(e) => onChange({ dnd: { ...draft.dnd, repeatCallers: e.target.checked } })}
            data-testid="dnd-repeat"
          />
          Repeat callers ring through do-not-disturb (a 2nd call within 15 minutes)
        </label>
      </fieldset>

      <div>
        <label htmlFor="routing-away" className="block text-sm font-medium text-slate-800">
          Away auto-reply
        </label>
        <p id="routing-away-hint" className="mt-0.5 text-xs text-slate-600">
          Sent to people who message you while you are away, at most once an hour per conversation. Leave it empty to send none.
        </p>
        <textarea
          id="routing-away"
          value={draft.awayReply}
          maxLength={AWAY_REPLY_MAX}
          rows={3}
          onChange={(e) => onChange({ awayReply: e.target.value })}
          placeholder="Away from my desk: I will answer when I am back."
          aria-invalid={!!errors.awayReply}
          aria-describedby={["routing-away-hint", errors.awayReply && "routing-away-error", "routing-away-count"].filter(Boolean).join(" ")}
          className={inputClass}
          data-testid="away-reply"
        />
        <FieldError id="routing-away-error" message={errors.awayReply} />
        <Counter id="routing-away-count" length={draft.awayReply.length} max={AWAY_REPLY_MAX} />
      </div>
    </section>
  );
}
