"use client";

import type { VanityCheck } from "@/lib/numbers/check-vanity";
import { NumberDisplay } from "../number-display";

const REASON_LABEL: Record<string, string> = {
  "other-fill": "other digits",
  "other-position": "word moved",
  variant: "close variant",
};

/** The requested number's status and free alternatives that keep the word. */
export function VanityResult({
  check,
  busy,
  onHold,
}: {
  check: VanityCheck;
  busy: boolean;
  onHold: (digits: string, spelled: string) => void;
}) {
  const requested = check.requested;
  const free = !!requested && (requested.status === "free" || requested.status === "held-by-you");
  return (
    <div className="space-y-3">
      {requested ? (
        <div className="flex flex-wrap items-center justify-between gap-3 rounded-xl bg-slate-50 p-4">
          <div>
            <p className="text-2xl" data-testid="requested-number">
              <NumberDisplay spelled={requested.spelled} />
            </p>
            <p className={`mt-1 text-sm font-medium ${free ? "text-emerald-700" : "text-red-700"}`} data-testid="requested-status">
              {free ? "✓ Free" : requested.status === "held" ? "✕ Someone is registering this one right now" : "✕ Taken"}
            </p>
          </div>
          {free && (
            <button
              type="button"
              disabled={busy}
              onClick={() => onHold(requested.digits, requested.spelled)}
              className="rounded-lg bg-brand-600 px-4 py-2 font-semibold text-white hover:bg-brand-700 disabled:opacity-60"
            >
              {busy ? "Holding…" : "Hold this number"}
            </button>
          )}
        </div>
      ) : (
        <p className="rounded-lg bg-amber-50 p-3 text-sm text-amber-900">{check.notice}</p>
      )}
      {check.suggestions.length > 0 && (
        <div>
          <p className="text-sm font-medium text-slate-700">{free ? "Other ideas" : "Free numbers that keep your word"}</p>
          <ul className="mt-2 grid gap-2 sm:grid-cols-2" data-testid="suggestions">
            {check.suggestions.map((s) => (
              <li key={s.digits}>
                <button
                  type="button"
                  disabled={busy}
                  onClick={() => onHold(s.digits, s.spelled)}
                  className="flex w-full items-center justify-between gap-2 rounded-lg border border-slate-200 bg-white px-3 py-2 text-left hover:border-brand-500 disabled:opacity-60"
                  aria-label={`Hold ${s.formatted}`}
                >
                  <NumberDisplay spelled={s.spelled} className="text-base" />
                  <span className="text-xs text-slate-600">{REASON_LABEL[s.reason] ?? ""}</span>
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
