"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import type { CallView } from "@/lib/calls/service";
import { toKeypadDigits } from "@/lib/numbers/keypad";
import { formatNumber } from "@/lib/numbers/format";
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

/** Dial by number: digits or keypad letters, any spacing; shows the digits it will call. */
export function DialPad() {
  const router = useRouter();
  const [value, setValue] = useState("");
  const [kind, setKind] = useState<"video" | "voice">("video");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const k = toKeypadDigits(value);
  const preview = k.ok && k.digits.length === 12 ? formatNumber(k.digits) : k.ok ? k.digits : "";

  async function call(e: React.FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const view = await apiSend<CallView>("POST", "/api/calls", { number: value, kind });
      router.push(`/call/${view.id}`);
    } catch (err) {
      // A group's number: dialling it joins the group's room (its page, for someone not in it yet).
      const group = err instanceof ApiError ? (err.body as { group?: unknown }).group : undefined;
      if (typeof group === "string") return router.push(`/${encodeURIComponent(group)}/room`);
      setError(err instanceof ApiError ? err.message : "Could not place the call.");
      setBusy(false);
    }
  }

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
        placeholder="2345 6789 0123 or 555-FLOWERS"
        aria-describedby="dial-help dial-error"
        data-testid="dial-input"
        className="tabular mt-1 w-full rounded-xl border border-slate-300 px-4 py-3 text-2xl tracking-wide focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-200"
      />
      <p id="dial-help" className="mt-1 min-h-5 text-sm text-slate-600" aria-live="polite">
        {value && !k.ok ? k.reason : preview ? `Calls ${preview}` : "Letters dial their keypad digits."}
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
          className="flex-1 rounded-xl bg-emerald-600 px-4 py-3 font-semibold text-white hover:bg-emerald-700 disabled:opacity-50"
        >
          {busy ? "Calling…" : "Call"}
        </button>
      </div>
    </form>
  );
}
