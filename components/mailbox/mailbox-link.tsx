"use client";

import Link from "next/link";
import { useUnread } from "./use-mailbox";

/** Header link to the mailbox with the unread count, which changes live when a message arrives. */
export function MailboxLink({ initial, compact }: { initial: number; compact?: boolean }) {
  const n = useUnread(initial).data?.unread ?? initial;
  return (
    <Link
      href="/mailbox"
      data-testid={compact ? "nav-mailbox-compact" : "nav-mailbox"}
      aria-label={n ? `Mailbox, ${n} unread` : "Mailbox"}
      className={`rounded-lg py-2 text-sm font-medium text-slate-700 hover:bg-slate-100 ${compact ? "px-2 sm:hidden" : "px-3"}`}
    >
      {compact ? "Mail" : "Mailbox"}
      {n > 0 && (
        <span className="ml-1 rounded-full bg-brand-600 px-1.5 py-0.5 text-xs font-semibold text-white" data-testid="unread-count">
          {n}
        </span>
      )}
    </Link>
  );
}
