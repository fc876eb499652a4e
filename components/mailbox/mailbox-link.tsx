"use client";

import { BadgeLink } from "../badge-link";
import { useUnread } from "./use-mailbox";

/** Header link to the mailbox with the unread count, which changes live when a message arrives. */
export function MailboxLink({ initial, compact }: { initial: number; compact?: boolean }) {
  const n = useUnread(initial).data?.unread ?? initial;
  return (
    <BadgeLink
      href="/mailbox"
      label="Mailbox"
      shortLabel="Mail"
      count={n}
      compact={compact}
      testId={{ link: "nav-mailbox", count: "unread-count" }}
    />
  );
}
