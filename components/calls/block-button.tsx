"use client";

import { useState } from "react";
import { ApiError, apiSend } from "../api";

/** Block or unblock a member: a blocked member's calls end as "unavailable" without ringing. */
export function BlockButton({ handle, name, initiallyBlocked }: { handle: string; name: string; initiallyBlocked: boolean }) {
  const [blocked, setBlocked] = useState(initiallyBlocked);
  const [error, setError] = useState<string | null>(null);
  async function toggle() {
    setError(null);
    try {
      const r = await apiSend<{ blocked: boolean }>(blocked ? "DELETE" : "POST", "/api/blocks", { handle });
      setBlocked(r.blocked);
    } catch (err) {
      setError(err instanceof ApiError ? err.message : "Could not change the block.");
    }
  }
  return (
    <span className="inline-flex flex-col items-start">
      <button
        type="button"
        onClick={toggle}
        data-testid="block-button"
        aria-pressed={blocked}
        className="rounded-lg px-4 py-2 text-sm font-medium text-slate-700 ring-1 ring-slate-300 hover:bg-slate-100"
      >
        {blocked ? `Unblock ${name}` : `Block ${name}`}
      </button>
      {error && (
        <span role="alert" className="mt-1 text-sm text-rose-700">
          {error}
        </span>
      )}
    </span>
  );
}
