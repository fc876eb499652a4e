"use client";

import { SearchInput } from "../search-input";
import Link from "next/link";
import { useState } from "react";
import { ContactList } from "./contact-list";
import { IncomingRequests } from "./contact-requests";
import { useBook } from "./use-book";

/** The address book at a glance: requests, then the people kept with their live status, searchable. */
export function ContactPanel({ headingId }: { headingId: string }) {
  const book = useBook();
  const [query, setQuery] = useState("");
  const entries = book.data?.entries ?? [];
  const kept = entries.filter((e) => e.inBook && !e.pendingOut).length;
  return (
    <div className="flex h-full flex-col gap-3" data-testid="contact-panel">
      <div className="flex items-center justify-between">
        <h2 id={headingId} className="text-base font-semibold">
          Contacts
        </h2>
        <Link href="/contacts" className="rounded-md px-2 py-1 text-sm font-medium text-brand-700 hover:bg-brand-50">
          Manage
        </Link>
      </div>
      {kept > 4 && <SearchInput label="Search contacts" value={query} onChange={setQuery} />}
      {book.isPending ? (
        <div className="space-y-2" role="status" aria-busy="true" aria-label="Loading contacts">
          {[0, 1, 2].map((i) => (
            <div key={i} className="h-10 animate-pulse rounded-lg bg-slate-100" />
          ))}
        </div>
      ) : book.isError ? (
        <p role="alert" className="text-sm text-rose-700">
          Your contacts could not be loaded.{" "}
          <button type="button" className="underline" onClick={() => void book.refetch()}>
            Try again
          </button>
        </p>
      ) : (
        <>
          <IncomingRequests entries={entries} />
          {kept === 0 ? (
            <div className="rounded-xl border border-dashed border-slate-300 p-4 text-center text-sm text-slate-600">
              <p>No contacts yet.</p>
              <p className="mt-1">
                Add people from the{" "}
                <Link href="/directory" className="text-brand-700 underline">
                  directory
                </Link>{" "}
                or by{" "}
                <Link href="/contacts" className="text-brand-700 underline">
                  number
                </Link>
                .
              </p>
            </div>
          ) : (
            <div className="min-h-0 flex-1 overflow-y-auto">
              <ContactList entries={entries} query={query} />
            </div>
          )}
        </>
      )}
    </div>
  );
}
