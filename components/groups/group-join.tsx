"use client";

import Link from "next/link";
import { useState } from "react";
import type { GroupView } from "@/lib/groups/get-group";
import { apiSend } from "../api";
import { useAction } from "../use-action";

/** What someone outside the group can do: join, ask to join, give the password, or learn it is by invitation. */
export function GroupJoin({
  group,
  signedIn,
  invite,
  onChange,
}: {
  group: GroupView;
  signedIn: boolean;
  invite: string | null;
  onChange: () => void;
}) {
  const [password, setPassword] = useState("");
  const action = useAction(onChange);
  const base = `/api/groups/${encodeURIComponent(group.handle)}`;

  if (!signedIn) {
    return (
      <p className="rounded-xl bg-slate-50 p-4 text-sm text-slate-700" data-testid="group-join">
        <Link
          href={`/signin?next=${encodeURIComponent(`/${group.handle}${invite ? `?invite=${invite}` : ""}`)}`}
          className="font-medium text-brand-700 underline"
        >
          Sign in
        </Link>{" "}
        to join {group.name} and see who is in it.
      </p>
    );
  }
  if (invite) {
    return (
      <div className="rounded-xl border border-emerald-200 bg-emerald-50 p-4" data-testid="group-join">
        <p className="text-emerald-950">You are invited to join {group.name}.</p>
        <button
          type="button"
          disabled={action.busy}
          className="mt-3 rounded-lg bg-emerald-700 px-4 py-2 font-semibold text-white hover:bg-emerald-800 disabled:opacity-60"
          data-testid="group-accept-invite"
          onClick={() => void action.run(() => apiSend("POST", `${base}/join`, { invite }))}
        >
          {action.busy ? "Joining…" : "Join"}
        </button>
        {action.error && (
          <p role="alert" className="mt-2 text-sm text-red-700" data-testid="group-join-error">
            {action.error}
          </p>
        )}
      </div>
    );
  }
  if (group.viewerRole === "requested") {
    return (
      <div className="rounded-xl border border-amber-200 bg-amber-50 p-4 text-sm text-amber-900" data-testid="group-requested">
        <p>You asked to join. An admin of {group.name} will answer.</p>
        <button
          type="button"
          className="mt-2 font-medium text-amber-900 underline disabled:opacity-60"
          disabled={action.busy}
          onClick={() => void action.run(() => apiSend("POST", `${base}/leave`))}
        >
          Withdraw the request
        </button>
        {action.error && <p role="alert">{action.error}</p>}
      </div>
    );
  }
  if (group.access === "invite") {
    return (
      <p className="rounded-xl bg-slate-50 p-4 text-sm text-slate-700" data-testid="group-join">
        {group.name} is by invitation only: ask one of its members for a link.
      </p>
    );
  }
  const verb = group.access === "request" ? "Ask to join" : "Join";
  return (
    <form
      className="rounded-xl bg-slate-50 p-4"
      data-testid="group-join"
      onSubmit={(e) => {
        e.preventDefault();
        void action.run(() => apiSend("POST", `${base}/join`, group.hasPassword ? { password } : {}));
      }}
    >
      {group.hasPassword && (
        <label className="block text-sm font-medium text-slate-800">
          Group password
          <input
            type="password"
            autoComplete="off"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            required
            maxLength={128}
            className="mt-1 block w-full max-w-xs rounded-lg border border-slate-300 px-3 py-2"
            data-testid="group-password"
            aria-invalid={action.error ? true : undefined}
            aria-describedby={action.error ? "group-join-error" : undefined}
          />
        </label>
      )}
      <button
        type="submit"
        disabled={action.busy}
        className="mt-3 rounded-lg bg-brand-600 px-4 py-2 font-semibold text-white hover:bg-brand-700 disabled:opacity-60"
        data-testid="group-join-button"
      >
        {action.busy ? "Joining…" : verb}
      </button>
      {action.error && (
        <p id="group-join-error" role="alert" className="mt-2 text-sm text-red-700" data-testid="group-join-error">
          {action.error}
        </p>
      )}
    </form>
  );
}
