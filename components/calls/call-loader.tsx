"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import type { CallView } from "@/lib/calls/service";
import { ApiError, apiGet } from "../api";
import { CallScreen } from "./call-screen";

/** The call page's data: from the answer that opened it, or read once the page loads. */
export function CallLoader({ callId }: { callId: string }) {
  const { data, error, refetch } = useQuery({
    queryKey: ["call", callId],
    queryFn: ({ signal }) => apiGet<CallView>(`/api/calls/${encodeURIComponent(callId)}`, signal),
    retry: (n, err) => !(err instanceof ApiError && err.status < 500) && n < 2,
  });
  if (data) return <CallScreen initial={data} />;
  if (error) {
    const missing = error instanceof ApiError && (error.status === 404 || error.status === 400);
    return (
      <section role="alert" className="mx-auto max-w-md rounded-3xl border border-slate-200 bg-white p-8 text-center shadow-sm">
        <h1 className="text-xl font-semibold">{missing ? "No such call" : "The call could not be loaded"}</h1>
        <p className="mt-2 text-slate-700">
          {missing ? "It may have been placed by someone else, or the link is wrong." : "Check your connection and try again."}
        </p>
        <div className="mt-6 flex justify-center gap-3">
          {!missing && (
            <button
              type="button"
              onClick={() => void refetch()}
              className="rounded-lg bg-brand-600 px-4 py-2 font-semibold text-white hover:bg-brand-700"
            >
              Try again
            </button>
          )}
          <Link href="/calls" className="rounded-lg px-4 py-2 font-medium text-slate-700 hover:bg-slate-100">
            Recent calls
          </Link>
        </div>
      </section>
    );
  }
  return (
    <section
      aria-busy="true"
      aria-label="Loading the call"
      className="mx-auto flex h-[calc(100dvh-9rem)] min-h-[28rem] max-w-4xl items-center justify-center rounded-3xl bg-slate-900 text-slate-200 shadow-xl"
    >
      <p role="status">Connecting…</p>
    </section>
  );
}
