"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import type { CallView } from "@/lib/calls/service";
import { ApiError, apiSend } from "../api";

/** Places a call to a member (by handle or number) and opens the call screen. */
export function CallButton({
  handle,
  number,
  name,
  kind = "video",
  compact = false,
}: {
  handle?: string;
  number?: string;
  name: string;
  kind?: "video" | "voice";
  compact?: boolean;
}) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function call() {
    setBusy(true);
    setError(null);
    try {
      const view = await apiSend<CallView>("POST", "/api/calls", { handle, number, kind });
      router.push(`/call/${view.id}`);
    } catch (err) {
      setError(err instanceof ApiError ? (err.status === 401 ? "Sign in to call." : err.message) : "Could not place the call.");
      setBusy(false);
    }
  }
  const label = `${kind === "video" ? "Video call" : "Voice call"} ${name}`;
  return (
    <span className="inline-flex flex-col items-start">
      <button
        type="button"
        onClick={call}
        disabled={busy}
        aria-label={label}
        title={label}
        className={
          compact
            ? "rounded-full bg-emerald-700 p-2 text-white hover:bg-emerald-800 disabled:opacity-60"
            : "inline-flex items-center gap-2 rounded-lg bg-emerald-700 px-4 py-2 font-semibold text-white hover:bg-emerald-800 disabled:opacity-60"
        }
      >
        <svg aria-hidden="true" viewBox="0 0 24 24" width="18" height="18" fill="currentColor">
          {kind === "video" ? (
            <path d="M4 6h11a2 2 0 0 1 2 2v1.5l4-2.5v10l-4-2.5V16a2 2 0 0 1-2 2H4a2 2 0 0 1-2-2V8a2 2 0 0 1 2-2z" />
          ) : (
            <path d="M6.6 10.8a15.1 15.1 0 0 0 6.6 6.6l2.2-2.2a1 1 0 0 1 1-.25 11.4 11.4 0 0 0 3.6.57 1 1 0 0 1 1 1V20a1 1 0 0 1-1 1A17 17 0 0 1 3 4a1 1 0 0 1 1-1h3.5a1 1 0 0 1 1 1c0 1.25.2 2.45.57 3.57a1 1 0 0 1-.25 1z" />
          )}
        </svg>
        {!compact && (busy ? "Calling…" : kind === "video" ? "Video call" : "Voice call")}
      </button>
      {error && (
        <span role="alert" className="mt-1 text-sm text-rose-700">
          {error}
        </span>
      )}
    </span>
  );
}
