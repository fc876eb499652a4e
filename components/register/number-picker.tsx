"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useId, useState } from "react";
import type { VanityCheck } from "@/lib/numbers/check-vanity";
import { ApiError, apiGet, apiSend, queryKeys } from "../api";
import { NumberDisplay } from "../number-display";
import { formatSeconds, useCountdown } from "./use-countdown";
import { VanityResult } from "./vanity-result";

/** `formatted` is the number as it will show: with the word the picker offered. */
type HoldJson = { digits: string; spelled: string | null; formatted: string; expiresAt: string };
type Position = "start" | "middle" | "end";

function useDebounced<T>(value: T, ms: number): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const id = setTimeout(() => setV(value), ms);
    return () => clearTimeout(id);
  }, [value, ms]);
  return v;
}

/**
 * Choose between the next number in sequence and a vanity number. Reports the
 * held number (or null for sequential) through `onChange`.
 */
export function NumberPicker({ onChange }: { onChange: (digits: string | null) => void }) {
  const qc = useQueryClient();
  const [mode, setMode] = useState<"sequential" | "vanity">("sequential");
  const [text, setText] = useState("");
  const [position, setPosition] = useState<Position>("end");
  const q = useDebounced(text.trim(), 250);
  const inputId = useId();

  const check = useQuery({
    queryKey: queryKeys.numbers.check(q, position),
    queryFn: ({ signal }) => apiGet<VanityCheck>(`/api/numbers/check?q=${encodeURIComponent(q)}&position=${position}`, signal),
    enabled: mode === "vanity" && q.length > 0,
    retry: false,
    placeholderData: (prev) => prev,
  });
  const hold = useQuery({
    queryKey: queryKeys.numbers.hold(),
    queryFn: ({ signal }) => apiGet<{ hold: HoldJson | null }>("/api/numbers/hold", signal),
  });
  const held = hold.data?.hold ?? null;
  const secondsLeft = useCountdown(held?.expiresAt);
  const holdActive = !!held && (secondsLeft ?? 0) > 0;

  // A hold restored after a reload puts the picker in vanity mode.
  const heldDigits = held?.digits;
  useEffect(() => {
    if (heldDigits) setMode("vanity");
  }, [heldDigits]);

  const chosen = mode === "vanity" && holdActive && heldDigits ? heldDigits : null;
  useEffect(() => onChange(chosen), [chosen, onChange]);

  const take = useMutation({
    // The spelling goes with the hold: the number registered keeps its word.
    mutationFn: (o: { digits: string; spelled: string }) =>
      apiSend<{ hold: HoldJson }>("POST", "/api/numbers/hold", {
        number: o.digits,
        spelled: /[A-Z]/.test(o.spelled) ? o.spelled : undefined,
      }),
    onSuccess: (data) => {
      qc.setQueryData(queryKeys.numbers.hold(), data);
    },
    onSettled: () => qc.invalidateQueries({ queryKey: ["numbers", "check"] }),
  });
  const release = useMutation({
    mutationFn: () => apiSend<null>("DELETE", "/api/numbers/hold"),
    onSuccess: () => {
      qc.setQueryData(queryKeys.numbers.hold(), { hold: null });
      void qc.invalidateQueries({ queryKey: ["numbers", "check"] });
    },
  });

  const checkError = check.error instanceof ApiError ? check.error.message : check.error ? "Could not check the number; try again" : null;

  return (
    <fieldset className="rounded-2xl border border-slate-200 bg-white p-5 shadow-sm">
      <legend className="px-1 text-base font-semibold">Your permanent number</legend>
      <div role="radiogroup" aria-label="How to pick your number" className="mt-2 grid gap-2 sm:grid-cols-2">
        {(
          [
            ["sequential", "Next available number", "Assigned when you register"],
            ["vanity", "Choose a vanity number", "Spell a word on the keypad"],
          ] as const
        ).map(([value, title, hint]) => (
          <label
            key={value}
            className={`flex cursor-pointer items-start gap-3 rounded-xl border p-3 ${mode === value ? "border-brand-500 bg-brand-50" : "border-slate-200 hover:border-slate-300"}`}
          >
            <input
              type="radio"
              name="numberMode"
              value={value}
              checked={mode === value}
              onChange={() => setMode(value)}
              className="mt-1 accent-brand-600"
            />
            <span>
              <span className="block font-medium">{title}</span>
              <span className="block text-sm text-slate-600">{hint}</span>
            </span>
          </label>
        ))}
      </div>

      {mode === "vanity" && (
        <div className="mt-5 space-y-4">
          {holdActive && held ? (
            <div
              className="flex flex-wrap items-center justify-between gap-3 rounded-xl border border-emerald-300 bg-emerald-50 p-4"
              data-testid="hold-card"
            >
              <div>
                <p className="text-sm font-medium text-emerald-800">Held for you</p>
                <p className="text-2xl" data-testid="held-number">
                  <NumberDisplay spelled={held.formatted} />
                </p>
              </div>
              <div className="text-right">
                <p className="tabular text-lg font-semibold text-emerald-900" data-testid="hold-countdown">
                  {formatSeconds(secondsLeft ?? 0)}
                </p>
                <p className="text-xs text-emerald-800">left to finish registering</p>
                <button type="button" onClick={() => release.mutate()} className="mt-1 text-sm font-medium text-emerald-900 underline">
                  Choose another
                </button>
              </div>
            </div>
          ) : (
            <>
              {held && secondsLeft === 0 && (
                <p role="status" className="rounded-lg bg-amber-50 p-3 text-sm text-amber-900">
                  Your hold on {held.formatted} ran out. Hold it again if it is still free.
                </p>
              )}
              <div className="grid gap-3 sm:grid-cols-[1fr_auto]">
                <div>
                  <label htmlFor={inputId} className="block text-sm font-medium">
                    Word or digits
                  </label>
                  <input
                    id={inputId}
                    value={text}
                    onChange={(e) => setText(e.target.value)}
                    placeholder="e.g. CALLME or 4242"
                    autoComplete="off"
                    spellCheck={false}
                    maxLength={40}
                    className="mt-1 w-full rounded-lg border border-slate-300 px-3 py-2 text-lg uppercase tracking-wide focus:border-brand-500"
                    aria-describedby={`${inputId}-hint`}
                  />
                  <p id={`${inputId}-hint`} className="mt-1 text-xs text-slate-600">
                    Letters map to the keypad: 2 ABC · 3 DEF · 4 GHI · 5 JKL · 6 MNO · 7 PQRS · 8 TUV · 9 WXYZ
                  </p>
                </div>
                <div>
                  <span className="block text-sm font-medium" id={`${inputId}-pos`}>
                    Place it
                  </span>
                  <div
                    role="radiogroup"
                    aria-labelledby={`${inputId}-pos`}
                    className="mt-1 inline-flex rounded-lg border border-slate-300 p-0.5"
                  >
                    {(["start", "middle", "end"] as const).map((p) => (
                      <label
                        key={p}
                        className={`cursor-pointer rounded-md px-3 py-1.5 text-sm capitalize has-[:focus-visible]:outline has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-brand-500 ${position === p ? "bg-brand-600 text-white" : "text-slate-700"}`}
                      >
                        <input
                          type="radio"
                          name="position"
                          value={p}
                          checked={position === p}
                          onChange={() => setPosition(p)}
                          className="sr-only"
                        />
                        {p}
                      </label>
                    ))}
                  </div>
                </div>
              </div>

              <div aria-live="polite" className="min-h-24" data-testid="vanity-result">
                {q.length === 0 ? (
                  <p className="text-sm text-slate-600">Type a word and we will show whether it is free.</p>
                ) : checkError ? (
                  <p className="rounded-lg bg-red-50 p-3 text-sm text-red-800" role="alert">
                    {checkError}
                  </p>
                ) : !check.data ? (
                  <p className="motion-safe:animate-pulse text-sm text-slate-600">Checking…</p>
                ) : (
                  <VanityResult check={check.data} busy={take.isPending} onHold={(digits, spelled) => take.mutate({ digits, spelled })} />
                )}
                {take.error && (
                  <p className="mt-2 rounded-lg bg-red-50 p-3 text-sm text-red-800" role="alert">
                    {take.error.message}
                  </p>
                )}
              </div>
            </>
          )}
        </div>
      )}
    </fieldset>
  );
}
