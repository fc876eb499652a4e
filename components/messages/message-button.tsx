"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { ApiError, apiSend } from "../api";

/** Opens the conversation with a member (made on first use) at /messages. */
export function MessageButton({ memberId, name, compact = false }: { memberId: string; name: string; compact?: boolean }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function open() {
    setBusy(true);
    setError(null);
    try {
      const { conversationId } = await apiSend<{ conversationId: string }>("POST", "/api/messages", { to: memberId });
      router.push(`/messages/${conversationId}`);
    } catch (err) {
      setError(err instanceof ApiError ? (err.status === 401 ? "Sign in to write." : err.message) : "Could not open the conversation.");
      setBusy(false);
    }
  }
  const label = `Message ${name}`;
  return (
    <span className="inline-flex flex-col items-start">
      <button
        type="button"
        onClick={open}
        disabled={busy}
        aria-label={label}
        title={label}
        data-testid="message-button"
        className={
          compact
            ? "rounded-full bg-brand-600 p-2 text-white hover:bg-brand-700 disabled:opacity-60"
            : "inline-flex items-center gap-2 rounded-lg bg-brand-600 px-4 py-2 font-semibold text-white hover:bg-brand-700 disabled:opacity-60"
        }
      >
        <svg aria-hidden="true" viewBox="0 0 24 24" width="18" height="18" fill="currentColor">
          <path
            d="M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H8l-4 4V6a2 2 0 0 1 2-2zm3 7.5a1.5 1.5 0 1 0 0-3 1.5 1.5 0 0 0 0 3zm5 0a1.5 1.5 0 1 0 0-3 1.5 1.5 0 0 0 0 3zm5 0a1.5 1.5 0 1 0 0-3 1.5 1.5 0 0 0 0 3z"
            fillRule="evenodd"
          />
        </svg>
        {!compact && (busy ? "Opening…" : "Message")}
      </button>
      {error && (
        <span role="alert" className="mt-1 text-xs text-rose-700">
          {error}
        </span>
      )}
    </span>
  );
}
