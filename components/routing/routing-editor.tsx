"use client";

import { RulesForm } from "./rules-form";
import { useRules } from "./use-rules";

/** /settings/calls once the saved rules are in: the editor starts from them and then keeps its own copy. */
export function RoutingEditor({ defaultRingSeconds }: { defaultRingSeconds: number }) {
  const rules = useRules();
  if (rules.isPending) {
    return (
      <div className="space-y-3" aria-busy="true" data-testid="rules-loading">
        <p className="text-sm text-slate-700">Loading your rules…</p>
        <div className="h-24 animate-pulse rounded-2xl bg-slate-200/70" />
        <div className="h-24 animate-pulse rounded-2xl bg-slate-200/70" />
      </div>
    );
  }
  if (rules.isError) {
    return (
      <div role="alert" className="rounded-2xl border border-red-200 bg-red-50 p-4 text-red-800">
        <p className="font-semibold">Your rules could not be loaded.</p>
        <p className="mt-1 text-sm">{rules.error.message}</p>
        <button
          type="button"
          onClick={() => void rules.refetch()}
          className="mt-3 rounded-lg bg-red-700 px-3 py-1.5 text-sm font-semibold text-white hover:bg-red-800"
        >
          Try again
        </button>
      </div>
    );
  }
  // Only the first answer seeds the editor: a later refetch must not overwrite what is being typed.
  return <RulesForm initial={rules.data} defaultRingSeconds={defaultRingSeconds} />;
}
