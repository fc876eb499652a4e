"use client";

import Link from "next/link";
import { useUnreadMessages } from "./message-provider";

/** Header link to the messages with the unread count (and requests), which changes live. */
export function MessagesLink({ initial, compact }: { initial: number; compact?: boolean }) {
  const n = useUnreadMessages(initial);
  return (
    <Link
      href="/messages"
      data-testid={compact ? "nav-messages-compact" : "nav-messages"}
      aria-label={n ? `Messages, ${n} unread` : "Messages"}
      className={`rounded-lg py-2 text-sm font-medium text-slate-700 hover:bg-slate-100 ${compact ? "px-2 sm:hidden" : "px-3"}`}
    >
      {compact ? "Chat" : "Messages"}
      {n > 0 && (
        <span className="ml-1 rounded-full bg-brand-600 px-1.5 py-0.5 text-xs font-semibold text-white" data-testid="messages-unread">
          {n}
        </span>
      )}
    </Link>
  );
}
