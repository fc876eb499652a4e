"use client";

import Link from "next/link";
import { useMemo } from "react";
import type { ConversationSummary } from "@/lib/messages/list-conversations";
import type { PublicStatus } from "@/lib/presence/status";
import { Avatar } from "../avatar";
import { useStatuses } from "../presence/presence-provider";
import { Dot } from "../presence/status-dot";

export const conversationName = (c: ConversationSummary) => c.title || c.others.map((o) => o.displayName).join(", ") || "Just you";

/** "14:05" today, "Mon" this week, "3 Nov" before. */
export function shortTime(iso: string | null, now = Date.now()): string {
  if (!iso) return "";
  const d = new Date(iso);
  const age = now - d.getTime();
  if (age < 20 * 3600_000 && new Date(now).getDate() === d.getDate())
    return d.toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
  if (age < 6 * 86400_000) return d.toLocaleDateString([], { weekday: "short" });
  return d.toLocaleDateString([], { day: "numeric", month: "short" });
}

/** The conversations, latest first, requests apart; each with its live dot and unread count. */
export function ConversationList({ conversations, selected }: { conversations: ConversationSummary[]; selected: string | null }) {
  const ids = useMemo(
    () => [...new Set(conversations.flatMap((c) => (c.kind === "direct" ? c.others.map((o) => o.id) : [])))],
    [conversations],
  );
  const statuses = useStatuses(ids, {});
  const requests = conversations.filter((c) => c.state === "request");
  const accepted = conversations.filter((c) => c.state === "accepted");
  return (
    <div className="space-y-4">
      {requests.length > 0 && (
        <section aria-labelledby="requests-heading" data-testid="message-requests">
          <h3 id="requests-heading" className="mb-1 px-2 text-xs font-semibold uppercase tracking-wide text-amber-800">
            Requests ({requests.length})
          </h3>
          <ul className="space-y-1">
            {requests.map((c) => (
              <Row key={c.id} c={c} selected={selected === c.id} status={statuses[c.others[0]?.id ?? ""]} />
            ))}
          </ul>
        </section>
      )}
      <ul className="space-y-1" aria-label="Conversations">
        {accepted.map((c) => (
          <Row key={c.id} c={c} selected={selected === c.id} status={statuses[c.others[0]?.id ?? ""]} />
        ))}
      </ul>
    </div>
  );
}

function Row({ c, selected, status }: { c: ConversationSummary; selected: boolean; status: PublicStatus | undefined }) {
  const name = conversationName(c);
  const first = c.others[0];
  return (
    <li>
      <Link
        href={`/messages/${c.id}`}
        aria-current={selected ? "page" : undefined}
        data-testid="conversation-row"
        data-conversation={c.id}
        data-unread={c.unread}
        className={`flex items-center gap-3 rounded-xl px-2 py-2 ${selected ? "bg-brand-50 ring-1 ring-brand-200" : "hover:bg-slate-100"}`}
      >
        <span className="relative shrink-0">
          <Avatar name={name} photoUrl={c.kind === "direct" ? (first?.photoUrl ?? null) : null} size={44} />
          {status && (
            <span className="absolute -bottom-0.5 -right-0.5">
              <Dot status={status} />
            </span>
          )}
        </span>
        <span className="min-w-0 flex-1">
          <span className="flex items-baseline justify-between gap-2">
            <span className={`truncate ${c.unread ? "font-semibold text-slate-900" : "font-medium text-slate-800"}`}>{name}</span>
            <span className="shrink-0 text-xs text-slate-600">{shortTime(c.lastMessageAt)}</span>
          </span>
          <span className="flex items-center justify-between gap-2">
            <span className={`truncate text-sm ${c.unread ? "text-slate-900" : "text-slate-600"}`}>
              {c.state === "request" ? "Wants to message you · " : ""}
              {c.preview || "No messages yet"}
            </span>
            {c.unread > 0 && (
              <span
                className="shrink-0 rounded-full bg-brand-600 px-1.5 py-0.5 text-xs font-semibold text-white"
                role="img"
                aria-label={`${c.unread} unread`}
                data-testid="conversation-unread"
              >
                {c.unread}
              </span>
            )}
          </span>
        </span>
      </Link>
    </li>
  );
}
