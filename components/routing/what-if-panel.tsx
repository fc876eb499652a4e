"use client";

import { type FormEvent, useState } from "react";
import { ROUTING_STATUSES, type RoutingStatus } from "@/lib/calls/routing/rules";
import type { WhatIfBody } from "@/lib/calls/routing/schemas";
import { ApiError } from "../api";
import { useBook } from "../contacts/use-book";
import { STATUS_LABELS } from "./summary";
import { inputClass } from "./ui";
import { useWhatIf } from "./use-rules";
import { WhatIfResult } from "./what-if-result";

const pad = (n: number) => String(n).padStart(2, "0");

/** Now, as a datetime-local input wants it (local time, to the minute). */
function localNow(): string {
  const d = new Date();
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

type Props = { savedVersion: number; savedTimeZone: string; dirty: boolean };

/** "What happens if…": the path a call would take through the saved rules, and through the rules of whoever they forward to. */
export function WhatIfPanel({ savedVersion, savedTimeZone, dirty }: Props) {
  const book = useBook();
  const [caller, setCaller] = useState("stranger");
  const [repeat, setRepeat] = useState(false);
  const [at, setAt] = useState(localNow);
  const [status, setStatus] = useState<RoutingStatus>("online");
  const [problem, setProblem] = useState<string | null>(null);
  const [ask, setAsk] = useState<{ version: number; body: WhatIfBody; run: number } | null>(null);
  const answer = useWhatIf(ask);
  const contacts = (book.data?.entries ?? []).filter((e) => e.inBook);
  const browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone;

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    const when = new Date(at);
    if (!at || Number.isNaN(when.getTime())) return setProblem("Choose a date and time.");
    setProblem(null);
    const who: WhatIfBody["caller"] =
      caller === "stranger" ? { type: "stranger", repeat } : { type: "contact", contactId: caller.slice("contact:".length), repeat };
    setAsk((prev) => ({ version: savedVersion, body: { caller: who, at: when.toISOString(), status }, run: (prev?.run ?? 0) + 1 }));
  }

  const error =
    answer.error instanceof ApiError ? answer.error.message : answer.error ? "The path could not be worked out; try again." : null;

  return (
    <section aria-labelledby="what-if-title" className="rounded-2xl border border-slate-200 bg-white p-4 shadow-sm">
      <h2 id="what-if-title" className="text-lg font-semibold">
        What happens if…
      </h2>
      <p className="mt-1 text-sm text-slate-700">
        Try a call against your <strong>saved</strong> rules, and the rules of anyone they forward to.
      </p>
      {dirty && (
        <p className="mt-2 rounded-lg border border-amber-300 bg-amber-50 p-2 text-sm text-amber-950" data-testid="what-if-unsaved">
          You have unsaved changes: this shows what your saved rules do. Save first to try the changes.
        </p>
      )}
      <form onSubmit={onSubmit} noValidate className="mt-3 grid gap-3 sm:grid-cols-2">
        <div>
          <label htmlFor="what-if-caller" className="block text-sm font-medium text-slate-800">
            Who calls
          </label>
          <select
            id="what-if-caller"
            value={caller}
            onChange={(e) => setCaller(e.target.value)}
            className={inputClass}
            data-testid="what-if-caller"
          >
            <option value="stranger">Someone not in your contacts</option>
            {contacts.length > 0 && (
              <optgroup label="Your contacts">
                {contacts.map((c) => (
                  <option key={c.memberId} value={`contact:${c.memberId}`}>
                    {c.nickname || c.displayName}
                    {c.favourite ? " ★ favourite" : ""}
                    {c.groups.length ? ` (${c.groups.map((g) => g.name).join(", ")})` : ""}
                  </option>
                ))}
              </optgroup>
            )}
          </select>
          {book.isError && (
            <p className="mt-1 text-xs text-slate-700">
              Your contacts could not be loaded: only “someone not in your contacts” can be tried.
            </p>
          )}
        </div>
        <div>
          <label htmlFor="what-if-status" className="block text-sm font-medium text-slate-800">
            Your status
          </label>
          <select
            id="what-if-status"
            value={status}
            onChange={(e) => setStatus(e.target.value as RoutingStatus)}
            className={inputClass}
            data-testid="what-if-status"
          >
            {ROUTING_STATUSES.map((s) => (
              <option key={s} value={s}>
                {STATUS_LABELS[s]}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="what-if-at" className="block text-sm font-medium text-slate-800">
            Date and time
          </label>
          <input
            id="what-if-at"
            type="datetime-local"
            value={at}
            onChange={(e) => setAt(e.target.value)}
            aria-invalid={!!problem}
            aria-describedby={problem ? "what-if-at-error" : "what-if-at-hint"}
            className={inputClass}
            data-testid="what-if-at"
          />
          {problem ? (
            <p id="what-if-at-error" className="mt-1 text-sm text-red-700">
              {problem}
            </p>
          ) : (
            <p id="what-if-at-hint" className="mt-1 text-xs text-slate-600">
              On this device&apos;s clock ({browserZone.replaceAll("_", " ")})
              {savedTimeZone !== browserZone ? `; schedules are read in ${savedTimeZone.replaceAll("_", " ")}` : ""}.
            </p>
          )}
        </div>
        <div className="flex items-end">
          <label className="flex items-center gap-2 pb-2 text-sm">
            <input type="checkbox" checked={repeat} onChange={(e) => setRepeat(e.target.checked)} data-testid="what-if-repeat" />
            Calling for the second time in 15 minutes
          </label>
        </div>
        <div className="sm:col-span-2">
          <button
            type="submit"
            disabled={answer.isFetching}
            className="rounded-lg bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-900 disabled:opacity-60"
            data-testid="what-if-run"
          >
            {answer.isFetching ? "Working it out…" : "Show the path"}
          </button>
        </div>
      </form>
      <div className="mt-4" aria-live="polite">
        {error && (
          <p role="alert" className="text-sm text-red-700">
            {error}
          </p>
        )}
        {answer.data && !answer.isFetching && <WhatIfResult explanation={answer.data} />}
      </div>
    </section>
  );
}
