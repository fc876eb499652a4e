"use client";

import { BadgeLink } from "../badge-link";
import { useUnreadMessages } from "./message-provider";

/** Header link to the messages with the unread count (and requests), which changes live. */
export function MessagesLink({ initial, compact }: { initial: number; compact?: boolean }) {
  const n = useUnreadMessages(initial);
  return (
    <BadgeLink
      href="/messages"
      label="Messages"
      shortLabel="Chat"
      count={n}
      compact={compact}
      testId={{ link: "nav-messages", count: "messages-unread" }}
    />
  );
}
