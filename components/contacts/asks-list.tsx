"use client";

import Link from "next/link";
import { useAction } from "../use-action";
import { useAsks } from "./use-asks";
import { When } from "@/components/when";

/** "Tell me when available": who the member waits for (cancellable), and who came online today. */
export function AsksList() {
  const asks = useAsks();
  const act = useAction();
  const list = (asks.data ?? []).filter((a) => a.state === "open" || a.state === "fired");
  if (asks.isPending || list.length === 0) return null;
  return (
    <section aria-labelledby="asks-t" className="rounded-2xl border border-slate-200 bg-white p-4" data-testid="asks">
      <h2 id="asks-t" className="font-semibold">
        Waiting for
      </h2>
      <ul className="mt-2 divide-y divide-slate-100">
        {list.map((a) => (
          <li key={a.id} className="flex items-center gap-2 py-2 text-sm" data-testid="ask-row" data-state={a.state}>
            <Link href={`/${a.handle}`} className="min-w-0 flex-1 truncate font-medium hover:underline">
              {a.displayName}
            </Link>
            {a.state === "open" ? (
              <>
                <span className="text-slate-600">
                  until <When iso={a.expiresAt} style="weekday" />
                </span>
                <button
                  type="button"
                  disabled={act.busy}
                  onClick={() => void act.run(() => asks.cancel(a.id))}
                  className="rounded-md px-2 py-1 text-xs font-medium text-slate-700 hover:bg-slate-100"
                  aria-label={`Stop waiting for ${a.displayName}`}
                >
                  Cancel
                </button>
              </>
            ) : (
              <span className="text-emerald-800">
                Available since <When iso={a.firedAt ?? a.createdAt} style="weekday" />
              </span>
            )}
          </li>
        ))}
      </ul>
      {act.error && (
        <p role="alert" className="text-sm text-rose-700">
          {act.error}
        </p>
      )}
    </section>
  );
}
