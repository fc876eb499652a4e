"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import type { CallView } from "@/lib/calls/service";
import { toKeypadDigits } from "@/lib/numbers/keypad";
import { formatNumber } from "@/lib/numbers/format";
import { parseDialled } from "@/lib/numbers/spelling";
import { NumberDisplay } from "../number-display";
import { ApiError, apiSend } from "../api";

const KEYS: [string, string][] = [
  ["1", ""],
  ["2", "ABC"],
  ["3", "DEF"],
  ["4", "GHI"],
  ["5", "JKL"],
  ["6", "MNO"],
  ["7", "PQRS"],
  ["8", "TUV"],
  ["9", "WXYZ"],
  ["*", ""],
  ["0", "+"],
  ["#", ""],
];

type Match = { kind: "member" | "group"; handle: string; name: string; formattedNumber: string };

/**
 * Dial by number: digits or keypad letters, any spacing, or a word on its own that a member's
 * number shows; shows what it will call. A word several numbers show lists them to choose from.
 */
export function DialPad({ initial = "" }: { initial?: string }) {
  const router = useRouter();
  const [value, setValue] = useState(initial);
  const [kind, setKind] = useState<"video" | "voice">("video");
  const [error, setError] = useState<string | null>(null);
  const [matches, setMatches] = useState<Match[]>([]);
  const [busy, setBusy] = useState(false);
  const k = toKeypadDigits(value);
  const dialled = parseDialled(value);
  const preview =
    dialled && "word" in dialled
      ? `Calls the number that shows ${dialled.word}`
      : k.ok && k.digits.length === 12
        ? `Calls ${formatNumber(k.digits)}`
        : k.ok && k.digits
          ? k.digits
          : "";

  async function place(to: { number: string } | { handle: string }) {
    setBusy(true);
    setError(null);
    setMatches([]);
    try {
      const view = await apiSend<CallView>("POST", "/api/calls", { ...to, kind });
      router.push(`/call/${view.id}`);
    } catch (err) {
      // A group's number: dialling it joins the group's room (its page, for someone not in it yet).
      const body = err instanceof ApiError ? (err.body as { group?: unknown; matches?: Match[] }) : {};
      if (typeof body.group === "string") return router.push(`/${encodeURIComponent(body.group)}/room`);
      if (Array.isArray(body.matches)) setMatches(body.matches);
      setError(err instanceof ApiError ? err.message : "Could not place the call.");
      setBusy(false);
    }
  }

  const call = (e: React.FormEvent) => {
    e.preventDefault();
    void place({ number: value });
  };

  return (
    <form onSubmit={call} className="mx-auto max-w-sm rounded-3xl border border-slate-200 bg-white p-6 shadow-sm" noValidate>
      <label htmlFor="dial" className="block text-sm font-medium text-slate-700">
        Number to call
      </label>
      <input
        id="dial"
        name="number"
        value={value}
        onChange={(e) => setValue(e.target.value)}
        autoComplete="off"
        inputMode="text"
        placeholder="Number or word"
        aria-describedby="dial-help dial-error"
        data-testid="dial-input"
        className="tabular mt-1 w-full rounded-xl border border-slate-300 px-4 py-3 text-2xl tracking-wide focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-200"
      />
      <p id="dial-help" className="mt-1 min-h-5 text-sm text-slate-600" aria-live="polite">
        {value && !k.ok ? k.reason : preview || "Letters dial their keypad digits; a word alone calls the number that shows it."}
      </p>
      <div className="mt-4 grid grid-cols-3 gap-3" aria-hidden="true">
        {KEYS.map(([d, letters]) => (
          <button
            key={d}
            type="button"
            tabIndex={-1}
            onClick={() => setValue((v) => v + d)}
            disabled={d === "*" || d === "#"}
            className="flex h-16 flex-col items-center justify-center rounded-full bg-slate-100 text-2xl font-semibold hover:bg-slate-200 disabled:opacity-30"
          >
            {d}
            <span className="text-[10px] font-medium tracking-widest text-slate-600">{letters}</span>
          </button>
        ))}
      </div>
      <fieldset className="mt-5 flex justify-center gap-2">
        <legend className="sr-only">Kind of call</legend>
        {(["video", "voice"] as const).map((c) => (
          <label
            key={c}
            className={`cursor-pointer rounded-full px-4 py-2 text-sm font-medium ${kind === c ? "bg-brand-600 text-white" : "bg-slate-100 text-slate-700"}`}
          >
            <input type="radio" name="kind" value={c} checked={kind === c} onChange={() => setKind(c)} className="sr-only" />
            {c === "video" ? "Video" : "Voice only"}
          </label>
        ))}
      </fieldset>
      {error && (
        <p id="dial-error" role="alert" className="mt-4 rounded-lg bg-rose-50 px-3 py-2 text-sm text-rose-800">
          {error}
        </p>
      )}
      {matches.length > 0 && (
        <ul
          className="mt-3 divide-y divide-slate-100 rounded-xl border border-slate-200"
          aria-label="Numbers that show this word"
          data-testid="dial-matches"
        >
          {matches.map((m) => (
            <li key={m.handle} className="flex items-center justify-between gap-3 px-3 py-2">
              <span className="min-w-0">
                <span className="block truncate font-medium">{m.name}</span>
                <NumberDisplay spelled={m.formattedNumber} className="text-sm text-slate-600" />
              </span>
              {m.kind === "member" ? (
                <button
                  type="button"
                  onClick={() => void place({ handle: m.handle })}
                  disabled={busy}
                  className="rounded-lg bg-emerald-700 px-3 py-1.5 text-sm font-semibold text-white hover:bg-emerald-800 disabled:opacity-50"
                >
                  Call<span className="sr-only"> {m.name}</span>
                </button>
              ) : (
                <a href={`/${m.handle}`} className="text-sm font-medium text-brand-700 underline">
                  Open group
                </a>
              )}
            </li>
          ))}
        </ul>
      )}
      <div className="mt-5 flex gap-2">
        <button
          type="button"
          onClick={() => setValue((v) => v.slice(0, -1))}
          className="rounded-xl px-4 py-3 font-medium text-slate-700 hover:bg-slate-100"
          aria-label="Delete last digit"
        >
          ⌫
        </button>
        <button
          type="submit"
          disabled={busy || !value}
          data-testid="dial-call"
          className="flex-1 rounded-xl bg-emerald-700 px-4 py-3 font-semibold text-white hover:bg-emerald-800 disabled:opacity-50"
        >
          {busy ? "Calling…" : "Call"}
        </button>
      </div>
    </form>
  );
}
