"use client";

import { ApiError } from "../api";
import { useRequestCallback } from "./use-callbacks";

/** After an unanswered call: "Call me when free" — both are offered the call when the member is next free. */
export function CallbackRequest({ callId, name }: { callId: string; name: string }) {
  const ask = useRequestCallback();
  if (ask.isSuccess)
    return (
      <p role="status" className="w-full rounded-lg bg-emerald-50 px-3 py-2 text-sm text-emerald-900" data-testid="callback-requested">
        Done: {name} sees your request. When they are next free (within 24 hours) they are offered the call, and so are you if they share
        their presence with you.
      </p>
    );
  return (
    <span className="inline-flex flex-col items-center">
      <button
        type="button"
        onClick={() => ask.mutate(callId)}
        disabled={ask.isPending}
        data-testid="callback-request"
        className="rounded-lg border border-slate-300 px-4 py-2 font-medium text-slate-800 hover:bg-slate-50 disabled:opacity-60"
      >
        {ask.isPending ? "Asking…" : "Call me when free"}
      </button>
      {ask.error && (
        <span role="alert" className="mt-1 text-sm text-rose-700">
          {ask.error instanceof ApiError ? ask.error.message : "Could not ask; try again."}
        </span>
      )}
    </span>
  );
}
