"use client";

import { CallButton } from "./call-button";
import { useCallbacks, useCancelCallback } from "./use-callbacks";

/** On /calls: who asked to be called back when this member is free, and whom this member waits for. */
export function CallbackList() {
  const { data } = useCallbacks();
  const cancel = useCancelCallback();
  const open = (data?.callbacks ?? []).filter((c) => c.state === "open");
  if (open.length === 0) return null;
  return (
    <section
      aria-labelledby="callbacks-title"
      className="mb-6 rounded-2xl border border-amber-200 bg-amber-50 p-4"
      data-testid="callback-list"
    >
      <h2 id="callbacks-title" className="font-semibold text-amber-950">
        Call when free
      </h2>
      <ul className="mt-2 divide-y divide-amber-200">
        {open.map((c) => (
          <li key={c.id} className="flex flex-wrap items-center gap-3 py-2" data-testid="callback-row" data-side={c.side}>
            <p className="min-w-0 flex-1 text-sm text-slate-900">
              {c.side === "asked-of" ? (
                <>
                  <span className="font-semibold">{c.other.displayName}</span> asked you to call back when you are free.
                </>
              ) : (
                <>
                  Waiting for <span className="font-semibold">{c.other.displayName}</span> to be free: they see your request.
                </>
              )}
            </p>
            {c.side === "asked-of" && <CallButton handle={c.other.handle} name={c.other.displayName} compact />}
            <button
              type="button"
              onClick={() => cancel.mutate(c.id)}
              disabled={cancel.isPending}
              className="rounded-md px-2 py-1 text-sm font-medium text-slate-700 hover:bg-amber-100"
            >
              {c.side === "asked-of" ? "Dismiss" : "Cancel"}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
