"use client";

import { useId, useState } from "react";
import { useAction } from "../use-action";
import { useContactActions } from "./use-book";

/** Adds someone by number (digits or keypad letters, any spacing) or address (handle). */
export function AddContactForm() {
  const actions = useContactActions();
  const act = useAction();
  const [to, setTo] = useState("");
  const [sent, setSent] = useState<string | null>(null);
  const id = useId();
  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setSent(null);
    const ok = await act.run(async () => {
      const r = await actions.add(to);
      const who = r.entry?.nickname || r.entry?.displayName || to;
      setSent(r.entry && !r.entry.pendingOut ? `${who} is in your contacts now.` : `Request sent to ${who}.`);
    });
    if (ok) setTo("");
  }
  return (
    <form onSubmit={submit} className="rounded-2xl border border-slate-200 bg-white p-4" aria-labelledby={`${id}-title`} noValidate>
      <h2 id={`${id}-title`} className="font-semibold">
        Add a contact
      </h2>
      <div className="mt-2 flex flex-wrap gap-2">
        <label htmlFor={`${id}-to`} className="sr-only">
          Number or address
        </label>
        <input
          id={`${id}-to`}
          name="to"
          value={to}
          onChange={(e) => setTo(e.target.value)}
          placeholder="Number (2345 6789 0123 or letters) or @handle"
          autoComplete="off"
          aria-invalid={!!act.error}
          aria-describedby={`${id}-msg`}
          className="min-w-0 flex-1 rounded-lg border border-slate-300 px-3 py-2"
          data-testid="add-contact-input"
        />
        <button
          type="submit"
          disabled={act.busy || !to.trim()}
          className="rounded-lg bg-brand-600 px-4 py-2 font-semibold text-white hover:bg-brand-700 disabled:opacity-60"
        >
          {act.busy ? "Adding…" : "Add"}
        </button>
      </div>
      <p id={`${id}-msg`} className="mt-2 text-sm" role={act.error ? "alert" : "status"} data-testid="add-contact-result">
        {act.error ? <span className="text-rose-700">{act.error}</span> : sent ? <span className="text-emerald-800">{sent}</span> : null}
      </p>
    </form>
  );
}
