"use client";

import { useRef, useState } from "react";
import { KEYPAD } from "@/lib/numbers/keypad";
import { parseDialled } from "@/lib/numbers/spelling";

const KEYS = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "0"];

/**
 * The home page's keypad for visitors: keys type into the field, and Go opens the page of the
 * number (or of the word) typed. A plain GET form, so it works before the script loads.
 */
export function HomeReach({ initial, problem }: { initial: string; problem?: string }) {
  const [value, setValue] = useState(initial);
  const input = useRef<HTMLInputElement>(null);
  const dialled = parseDialled(value);
  const press = (k: string) => {
    setValue((v) => {
      const digits = v.replace(/\s/g, "");
      // Spaced as the number is printed, "xyyy yyyy yyyy".
      return digits.length > 0 && digits.length % 4 === 0 && digits.length < 12 ? `${v} ${k}` : v + k;
    });
    input.current?.focus();
  };
  return (
    <form
      action="/go"
      method="get"
      className="w-full max-w-sm rounded-3xl bg-brand-900 p-5 text-white shadow-lg"
      role="search"
      aria-label="Reach a number"
    >
      <label htmlFor="reach" className="block text-sm font-medium text-brand-100">
        Reach someone by number or word
      </label>
      <input
        ref={input}
        id="reach"
        name="n"
        value={value}
        onChange={(e) => setValue(e.target.value)}
        autoComplete="off"
        inputMode="text"
        placeholder="2000 1000 0001"
        aria-invalid={!!problem}
        aria-describedby={problem ? "reach-problem" : "reach-help"}
        className="tabular mt-1 w-full rounded-xl border border-brand-700 bg-white px-3 py-2 text-xl tracking-wide text-slate-900 placeholder:text-slate-600"
        data-testid="home-reach-input"
      />
      {problem ? (
        <p id="reach-problem" className="mt-1 text-sm text-rose-200" role="alert">
          {problem}
        </p>
      ) : (
        <p id="reach-help" className="mt-1 min-h-5 text-sm text-brand-100" aria-live="polite">
          {dialled
            ? "word" in dialled
              ? `Finds the number that shows ${dialled.word}`
              : "Opens this number's page"
            : "Letters count as their keypad digits."}
        </p>
      )}
      <div className="mt-3 grid grid-cols-3 gap-2">
        {KEYS.map((k) => (
          <button
            key={k}
            type="button"
            onClick={() => press(k)}
            className={`flex h-14 flex-col items-center justify-center rounded-2xl bg-brand-700 text-xl font-bold hover:bg-brand-600 focus-visible:bg-brand-600 ${k === "0" ? "col-start-2" : ""}`}
            data-testid={`home-key-${k}`}
          >
            {k}
            <span className="text-[10px] font-medium tracking-widest text-brand-100">{KEYPAD[k] ? ` ${KEYPAD[k]}` : ""}</span>
          </button>
        ))}
      </div>
      <div className="mt-3 flex gap-2">
        <button
          type="button"
          onClick={() => setValue((v) => v.trimEnd().slice(0, -1).trimEnd())}
          className="rounded-xl px-4 py-2 font-medium text-brand-100 hover:bg-brand-700"
          aria-label="Delete last digit"
        >
          ⌫
        </button>
        <button
          type="submit"
          className="flex-1 rounded-xl bg-white px-4 py-2 font-semibold text-brand-900 hover:bg-brand-50"
          data-testid="home-reach-go"
        >
          Go
        </button>
      </div>
    </form>
  );
}
