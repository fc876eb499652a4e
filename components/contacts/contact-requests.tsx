"use client";

import Link from "next/link";
import { useId } from "react";
import type { BookEntry } from "@/lib/contacts/list-book";
import { Avatar } from "../avatar";
import { useAction } from "../use-action";
import { useContactActions } from "./use-book";

/** Requests waiting for the member: accept, decline, or decline and block in one click. */
export function IncomingRequests({ entries }: { entries: BookEntry[] }) {
  const id = useId();
  const incoming = entries.filter((e) => e.pendingIn);
  if (incoming.length === 0) return null;
  return (
    <section aria-labelledby={id} className="rounded-xl border border-amber-200 bg-amber-50 p-3" data-testid="requests-in">
      <h3 id={id} className="text-sm font-semibold text-amber-900">
        {incoming.length === 1 ? "1 request" : `${incoming.length} requests`}
      </h3>
      <ul className="mt-2 space-y-2">
        {incoming.map((e) => (
          <IncomingRequest key={e.memberId} entry={e} />
        ))}
      </ul>
    </section>
  );
}

function IncomingRequest({ entry }: { entry: BookEntry }) {
  const actions = useContactActions();
  const act = useAction();
  const first = entry.displayName.split(" ")[0] ?? entry.displayName;
  return (
    <li className="rounded-lg bg-white p-2" data-testid="request-in" data-member={entry.handle}>
      <div className="flex items-center gap-2">
        <Avatar name={entry.displayName} photoUrl={entry.photoUrl} size={28} />
        <p className="min-w-0 flex-1 text-sm">
          <Link href={`/${entry.handle}`} className="font-medium hover:underline">
            {entry.displayName}
          </Link>{" "}
          <span className="text-slate-600">wants to add you</span>
        </p>
      </div>
      <div className="mt-2 flex flex-wrap gap-1.5">
        <button
          type="button"
          disabled={act.busy}
          onClick={() => void act.run(() => actions.act(entry.memberId, "accept"))}
          className="rounded-md bg-brand-600 px-2.5 py-1 text-xs font-semibold text-white hover:bg-brand-700 disabled:opacity-60"
          aria-label={`Accept ${entry.displayName}`}
        >
          Accept
        </button>
        <button
          type="button"
          disabled={act.busy}
          onClick={() => void act.run(() => actions.act(entry.memberId, "decline"))}
          className="rounded-md border border-slate-300 px-2.5 py-1 text-xs font-medium text-slate-800 hover:bg-slate-50 disabled:opacity-60"
          aria-label={`Decline ${entry.displayName}`}
        >
          Decline
        </button>
        <button
          type="button"
          disabled={act.busy}
          onClick={() => void act.run(() => actions.act(entry.memberId, "decline-and-block"))}
          className="rounded-md px-2.5 py-1 text-xs font-medium text-rose-700 hover:bg-rose-50 disabled:opacity-60"
          aria-label={`Decline and block ${entry.displayName}`}
        >
          Block {first}
        </button>
      </div>
      {act.error && (
        <p role="alert" className="mt-1 text-xs text-rose-700">
          {act.error}
        </p>
      )}
    </li>
  );
}

/** Requests the member sent that wait for an answer, each withdrawable. */
export function OutgoingRequests({ entries }: { entries: BookEntry[] }) {
  const id = useId();
  const outgoing = entries.filter((e) => e.inBook && e.pendingOut);
  if (outgoing.length === 0) return null;
  return (
    <section aria-labelledby={id} data-testid="requests-out">
      <h3 id={id} className="text-xs font-semibold uppercase tracking-wide text-slate-600">
        Waiting for an answer
      </h3>
      <ul className="mt-1 divide-y divide-slate-100">
        {outgoing.map((e) => (
          <OutgoingRequest key={e.memberId} entry={e} />
        ))}
      </ul>
    </section>
  );
}

function OutgoingRequest({ entry }: { entry: BookEntry }) {
  const actions = useContactActions();
  const act = useAction();
  return (
    <li className="flex items-center gap-2 py-1.5" data-testid="request-out" data-member={entry.handle}>
      <Avatar name={entry.displayName} photoUrl={entry.photoUrl} size={28} />
      <span className="min-w-0 flex-1 truncate text-sm">{entry.nickname || entry.displayName}</span>
      <button
        type="button"
        disabled={act.busy}
        onClick={() => void act.run(() => actions.act(entry.memberId, "withdraw"))}
        className="rounded-md px-2 py-1 text-xs font-medium text-slate-700 hover:bg-slate-100 disabled:opacity-60"
        aria-label={`Withdraw the request to ${entry.displayName}`}
      >
        Withdraw
      </button>
      {act.error && (
        <span role="alert" className="text-xs text-rose-700">
          {act.error}
        </span>
      )}
    </li>
  );
}
