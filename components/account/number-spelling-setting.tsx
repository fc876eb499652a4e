"use client";

import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { apiSend } from "@/components/api";
import { NumberDisplay } from "@/components/number-display";
import { useAction } from "@/components/use-action";
import { DomainError } from "@/lib/errors";
import { formatNumber } from "@/lib/numbers/format";
import { toKeypadDigits } from "@/lib/numbers/keypad";
import { showNumber, spellWordIn, wordOf } from "@/lib/numbers/spelling";
import type { NumberSpelling } from "@/lib/numbers/set-spelling";

/** The owner picks the word their number shows, among those its digits spell (the server checks it again). */
export function NumberSpellingSetting({ shown }: { shown: string }) {
  const router = useRouter();
  const id = useId();
  const k = toKeypadDigits(shown);
  const digits = k.ok ? k.digits : "";
  const [word, setWord] = useState(k.ok ? (wordOf(k.spelled) ?? "") : "");
  const { run, error, busy } = useAction();
  let preview = formatNumber(digits);
  let problem: string | null = null;
  try {
    if (word.trim()) preview = showNumber(digits, spellWordIn(digits, word).spelled);
  } catch (err) {
    problem = err instanceof DomainError ? err.message : "That word cannot be shown";
  }
  return (
    <details className="mt-3 text-sm" data-testid="number-spelling">
      <summary className="cursor-pointer font-medium text-brand-700">Show a word in your number</summary>
      <form
        className="mt-2 space-y-2"
        onSubmit={(e) => {
          e.preventDefault();
          if (problem) return;
          void run(async () => {
            await apiSend<NumberSpelling>("PUT", "/api/account/number-spelling", { word });
            router.refresh();
          });
        }}
      >
        <label htmlFor={id} className="block text-slate-700">
          Word (letters on the keypad keys of your digits), empty for digits only
        </label>
        <div className="flex flex-wrap gap-2">
          <input
            id={id}
            value={word}
            onChange={(e) => setWord(e.target.value)}
            maxLength={24}
            autoComplete="off"
            aria-describedby={`${id}-preview`}
            aria-invalid={!!problem}
            className="min-w-0 flex-1 rounded-lg border border-slate-400 px-3 py-2 uppercase"
            data-testid="number-spelling-input"
          />
          <button
            type="submit"
            disabled={busy || !!problem}
            className="rounded-lg bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-900 disabled:opacity-60"
          >
            {busy ? "Saving…" : "Save"}
          </button>
        </div>
        <p id={`${id}-preview`} aria-live="polite" className={problem ? "text-rose-700" : "text-slate-700"}>
          {problem ?? (
            <>
              Shown as <NumberDisplay spelled={preview} />
            </>
          )}
        </p>
        {error && (
          <p role="alert" className="text-rose-700">
            {error}
          </p>
        )}
      </form>
    </details>
  );
}
