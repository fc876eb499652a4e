"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { InviteView } from "@/lib/groups/invites";
import { apiGet, apiSend } from "../api";
import { useAction } from "../use-action";
import { When } from "@/components/when";

const EXPIRY = [
  { hours: 24, label: "1 day" },
  { hours: 24 * 7, label: "7 days" },
  { hours: 24 * 30, label: "30 days" },
];
const USES = [
  { uses: null, label: "Any number of people" },
  { uses: 1, label: "One person" },
  { uses: 10, label: "10 people" },
  { uses: 100, label: "100 people" },
];

/** For admins: links that let people in, each with an end, a number of uses, and a way to take it back. */
export function GroupInvites({ handle }: { handle: string }) {
  const qc = useQueryClient();
  const key = ["group-invites", handle.toLowerCase()];
  const base = `/api/groups/${encodeURIComponent(handle)}/invites`;
  const list = useQuery({ queryKey: key, queryFn: ({ signal }) => apiGet<{ invites: InviteView[] }>(base, signal) });
  const [hours, setHours] = useState(24 * 7);
  const [uses, setUses] = useState<number | null>(null);
  const [made, setMade] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const action = useAction(() => void qc.invalidateQueries({ queryKey: key }));
  const now = Date.now();
  return (
    <details className="mt-6 rounded-xl border border-slate-200 p-4" data-testid="group-invites">
      <summary className="cursor-pointer font-semibold">Invitation links</summary>
      <form
        className="mt-3 flex flex-wrap items-end gap-3"
        onSubmit={(e) => {
          e.preventDefault();
          setCopied(false);
          void action.run(async () =>
            setMade((await apiSend<{ url: string }>("POST", base, { expiresInHours: hours, maxUses: uses })).url),
          );
        }}
      >
        <label className="text-sm">
          Ends after
          <select
            className="mt-1 block rounded-lg border border-slate-300 px-2 py-1.5"
            value={hours}
            onChange={(e) => setHours(Number(e.target.value))}
          >
            {EXPIRY.map((x) => (
              <option key={x.hours} value={x.hours}>
                {x.label}
              </option>
            ))}
          </select>
        </label>
        <label className="text-sm">
          For
          <select
            className="mt-1 block rounded-lg border border-slate-300 px-2 py-1.5"
            value={uses ?? ""}
            onChange={(e) => setUses(e.target.value ? Number(e.target.value) : null)}
          >
            {USES.map((x) => (
              <option key={x.label} value={x.uses ?? ""}>
                {x.label}
              </option>
            ))}
          </select>
        </label>
        <button
          type="submit"
          disabled={action.busy}
          className="rounded-lg bg-brand-600 px-4 py-2 text-sm font-semibold text-white disabled:opacity-60"
          data-testid="invite-create"
        >
          Make a link
        </button>
      </form>
      {made && (
        <div className="mt-3 rounded-lg bg-emerald-50 p-3 text-sm" role="status">
          <p className="text-emerald-900">Send this link to the people you invite (it is shown only now):</p>
          <p className="mt-1 flex flex-wrap items-center gap-2">
            <code className="break-all rounded bg-white px-2 py-1" data-testid="invite-url">
              {made}
            </code>
            <button
              type="button"
              className="rounded border border-emerald-700 px-2 py-1 text-emerald-900"
              onClick={() => void navigator.clipboard?.writeText(made).then(() => setCopied(true))}
            >
              {copied ? "Copied" : "Copy"}
            </button>
          </p>
        </div>
      )}
      {action.error && (
        <p role="alert" className="mt-2 text-sm text-red-700">
          {action.error}
        </p>
      )}
      <ul className="mt-3 divide-y divide-slate-100 text-sm">
        {list.isPending && <li className="py-2 text-slate-600">Loading the links…</li>}
        {list.isError && <li className="py-2 text-red-700">The links could not be loaded.</li>}
        {list.data?.invites.length === 0 && <li className="py-2 text-slate-600">No links yet.</li>}
        {list.data?.invites.map((i) => {
          const over = i.revoked || new Date(i.expiresAt).getTime() <= now || (i.maxUses !== null && i.uses >= i.maxUses);
          return (
            <li key={i.id} className="flex flex-wrap items-center gap-2 py-2" data-testid="invite-row">
              <span className={over ? "text-slate-500 line-through" : ""}>
                Until <When iso={i.expiresAt} /> · used {i.uses}
                {i.maxUses !== null ? ` of ${i.maxUses}` : ""}
              </span>
              {i.revoked && <span className="text-slate-600">revoked</span>}
              {!i.revoked && (
                <button
                  type="button"
                  className="ml-auto text-red-700 underline"
                  onClick={() => void action.run(() => apiSend("DELETE", `${base}/${encodeURIComponent(i.id)}`))}
                >
                  Revoke
                </button>
              )}
            </li>
          );
        })}
      </ul>
    </details>
  );
}
