"use client";

import Link from "next/link";
import { useAction } from "../use-action";
import { useBook, useContactActions } from "./use-book";

/**
 * "Add to contacts" wherever a member appears (directory, their page, a call, a message): sends the
 * request, or answers theirs, and then says where things stand.
 */
export function AddContactButton({
  memberId,
  handle,
  name,
  compact = false,
}: {
  memberId: string;
  handle: string;
  name: string;
  compact?: boolean;
}) {
  const book = useBook();
  const actions = useContactActions();
  const act = useAction();
  const entry = book.data?.entries.find((e) => e.memberId === memberId);
  const base = compact
    ? "rounded-full p-2 text-sm font-medium disabled:opacity-60"
    : "inline-flex items-center gap-2 rounded-lg px-4 py-2 font-semibold disabled:opacity-60";
  let body;
  if (book.isPending) body = null;
  else if (entry?.pendingIn && !(entry.subscription === "to" || entry.subscription === "both"))
    body = (
      <button
        type="button"
        disabled={act.busy}
        onClick={() => void act.run(() => actions.act(memberId, "accept"))}
        className={`${base} bg-amber-700 text-white hover:bg-amber-800`}
        aria-label={`Accept ${name}'s request`}
        data-testid="add-contact"
        data-state="asked-you"
      >
        {compact ? <PersonIcon /> : "Accept request"}
      </button>
    );
  else if (entry?.inBook && entry.pendingOut)
    body = (
      <span
        className={`${base} bg-slate-100 text-slate-700`}
        data-testid="add-contact"
        data-state="requested"
        title="Waiting for an answer"
      >
        {compact ? <PersonIcon /> : "Request sent"}
        <span className="sr-only">{compact ? `Request to ${name} sent` : ""}</span>
      </span>
    );
  else if (entry?.inBook)
    body = (
      <Link
        href="/contacts"
        className={`${base} bg-brand-50 text-brand-800 hover:bg-brand-100`}
        data-testid="add-contact"
        data-state="contact"
        aria-label={`${name} is in your contacts`}
      >
        {compact ? <PersonIcon check /> : "In your contacts"}
      </Link>
    );
  else
    body = (
      <button
        type="button"
        disabled={act.busy}
        onClick={() => void act.run(() => actions.add(handle))}
        className={`${base} border border-slate-300 bg-white text-slate-800 hover:bg-slate-50`}
        aria-label={`Add ${name} to contacts`}
        title={`Add ${name} to contacts`}
        data-testid="add-contact"
        data-state="none"
      >
        {compact ? <PersonIcon plus /> : act.busy ? "Adding…" : "Add to contacts"}
      </button>
    );
  return (
    <span className="inline-flex flex-col items-start">
      {body}
      {act.error && (
        <span role="alert" className="mt-1 max-w-[16rem] text-xs text-rose-700">
          {act.error}
        </span>
      )}
    </span>
  );
}

function PersonIcon({ plus = false, check = false }: { plus?: boolean; check?: boolean }) {
  return (
    <svg aria-hidden="true" viewBox="0 0 24 24" width="18" height="18" fill="none" stroke="currentColor" strokeWidth="2">
      <circle cx="9" cy="8" r="4" />
      <path d="M2 21c0-4 3-6 7-6s7 2 7 6" />
      {plus && <path d="M19 8v6M16 11h6" />}
      {check && <path d="M16 11l2 2 4-4" />}
    </svg>
  );
}
