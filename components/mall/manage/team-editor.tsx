"use client";

import { useState } from "react";
import type { StaffView } from "@/lib/mall/manage";
import { apiSend } from "../../api";
import { useAction } from "../../use-action";

/** The shop's people: the owner and agents; add an agent by their number or email. */
export function TeamEditor({ slug, staff, onChange }: { slug: string; staff: StaffView[]; onChange: () => void }) {
  const [who, setWho] = useState("");
  const { run, error, busy } = useAction(onChange);
  return (
    <section aria-labelledby="team-title" className="rounded-2xl border border-slate-200 bg-white p-4" data-testid="team">
      <h2 id="team-title" className="text-lg font-semibold">
        Team
      </h2>
      <ul className="mt-2 divide-y divide-slate-100">
        {staff.map((s) => (
          <li key={s.memberId} className="flex flex-wrap items-center gap-3 py-2" data-testid="team-member">
            <span className="min-w-0 flex-1">
              <span className="font-medium">{s.displayName}</span> <span className="tabular text-sm text-slate-600">{s.number}</span>
            </span>
            <span className="rounded-full bg-slate-100 px-2 py-0.5 text-xs font-semibold">{s.role}</span>
            <span className={`text-xs ${s.status === "available" ? "text-emerald-700" : "text-slate-500"}`}>{s.status}</span>
            {s.role === "agent" && (
              <button
                type="button"
                disabled={busy}
                onClick={() => void run(() => apiSend("DELETE", `/api/console/shops/${slug}/agents/${s.memberId}`))}
                className="rounded-lg px-2 py-1 text-sm text-rose-700 hover:bg-rose-50"
                aria-label={`Remove ${s.displayName}`}
              >
                Remove
              </button>
            )}
          </li>
        ))}
      </ul>
      <form
        className="mt-3 flex flex-wrap items-end gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          void run(() => apiSend("POST", `/api/console/shops/${slug}/agents`, { member: who })).then((ok) => ok && setWho(""));
        }}
      >
        <label className="min-w-[16rem] flex-1 text-sm font-medium">
          Add an agent by number or email
          <input
            value={who}
            onChange={(e) => setWho(e.target.value)}
            required
            className="mt-1 w-full rounded-lg border border-slate-300 px-3 py-2 font-normal"
            placeholder="2000 1000 0042 or name@example.org"
            data-testid="add-agent-input"
          />
        </label>
        <button
          type="submit"
          disabled={busy}
          className="rounded-lg bg-brand-600 px-4 py-2 font-semibold text-white hover:bg-brand-700"
          data-testid="add-agent"
        >
          Add agent
        </button>
      </form>
      {error && (
        <p role="alert" className="mt-2 text-sm text-rose-700" data-testid="team-error">
          {error}
        </p>
      )}
    </section>
  );
}
