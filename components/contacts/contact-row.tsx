"use client";

import Link from "next/link";
import { useEffect, useState } from "react";
import type { AskView } from "@/lib/contacts/availability-store";
import type { BookEntry } from "@/lib/contacts/list-book";
import { statusLine } from "@/lib/contacts/status-line";
import type { PublicStatus } from "@/lib/presence/status";
import { Avatar } from "../avatar";
import { CallButton } from "../calls/call-button";
import { MessageButton } from "../messages/message-button";
import { usePresenceClient } from "../presence/presence-provider";
import { Dot } from "../presence/status-dot";
import { useAction } from "../use-action";
import { useHydrated } from "../use-hydrated";

/** Re-renders every minute, so "away for 12 min" keeps counting. */
export function useMinuteClock(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(t);
  }, []);
  return now;
}

/** One contact: photo with live dot, name, how long in that status, and one click to call or leave a message. */
export function ContactRow({
  entry,
  status,
  now,
  ask,
  onAsk,
  onCancelAsk,
}: {
  entry: BookEntry;
  status: PublicStatus;
  now: number;
  ask?: AskView;
  onAsk: (memberId: string) => Promise<unknown>;
  onCancelAsk: (askId: string) => Promise<unknown>;
}) {
  const client = usePresenceClient();
  const action = useAction();
  const hydrated = useHydrated();
  const name = entry.nickname || entry.displayName;
  const line = statusLine(status, { changedAt: client?.changedAt(entry.memberId), lastSeenAt: entry.lastSeenAt, now });
  const waiting = ask?.state === "open";
  return (
    <li className="flex items-center gap-3 py-2" data-testid="contact-row" data-member={entry.handle} data-status={status}>
      <span className="relative shrink-0">
        <Avatar name={entry.displayName} photoUrl={entry.photoUrl} size={36} />
        <span className="absolute -bottom-0.5 -right-0.5">
          <Dot status={status} size={12} />
        </span>
      </span>
      <div className="min-w-0 flex-1">
        <Link href={`/${entry.handle}`} className="block truncate text-sm font-medium text-slate-900 hover:underline">
          {entry.favourite && (
            <span role="img" aria-label="Favourite" className="mr-1 text-amber-500">
              ★
            </span>
          )}
          {name}
        </Link>
        <p className="truncate text-xs text-slate-600" data-testid="contact-status">
          {line}
        </p>
        {action.error && (
          <p role="alert" className="text-xs text-rose-700">
            {action.error}
          </p>
        )}
      </div>
      <div className="flex shrink-0 items-center gap-1">
        {status !== "online" &&
          (waiting ? (
            <button
              type="button"
              onClick={() => void action.run(() => onCancelAsk(ask.id))}
              disabled={action.busy || !hydrated}
              className="rounded-full bg-brand-50 p-2 text-brand-700 hover:bg-brand-100"
              aria-label={`Stop waiting for ${name}`}
              title={`We will tell you when ${name} is available. Click to stop waiting.`}
              data-testid="ask-cancel"
            >
              <BellIcon filled />
            </button>
          ) : (
            <button
              type="button"
              onClick={() => void action.run(() => onAsk(entry.memberId))}
              disabled={action.busy || !hydrated}
              className="rounded-full p-2 text-slate-600 hover:bg-slate-100"
              aria-label={`Tell me when ${name} is available`}
              title={`Tell me when ${name} is available`}
              data-testid="ask-available"
            >
              <BellIcon />
            </button>
          ))}
        <Link
          href={`/${entry.handle}?message=1`}
          className="rounded-full p-2 text-slate-600 hover:bg-slate-100"
          aria-label={`Leave ${name} a message`}
          title={`Leave ${name} a message`}
        >
          <svg aria-hidden="true" viewBox="0 0 24 24" width="18" height="18" fill="none" stroke="currentColor" strokeWidth="2">
            <path d="M4 5h16v11H8l-4 4z" strokeLinejoin="round" />
          </svg>
        </Link>
        <MessageButton memberId={entry.memberId} name={name} compact />
        <CallButton handle={entry.handle} name={name} kind="video" compact />
      </div>
    </li>
  );
}

function BellIcon({ filled = false }: { filled?: boolean }) {
  return (
    <svg
      aria-hidden="true"
      viewBox="0 0 24 24"
      width="18"
      height="18"
      fill={filled ? "currentColor" : "none"}
      stroke="currentColor"
      strokeWidth="2"
    >
      <path d="M6 16V11a6 6 0 1 1 12 0v5l2 2H4z" strokeLinejoin="round" />
      <path d="M10 20a2 2 0 0 0 4 0" />
    </svg>
  );
}
