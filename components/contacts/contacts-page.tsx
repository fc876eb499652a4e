"use client";

import { SearchInput } from "../search-input";
import { useState } from "react";
import { AddContactForm } from "./add-contact-form";
import { AsksList } from "./asks-list";
import { ContactEditor } from "./contact-editor";
import { ContactList } from "./contact-list";
import { IncomingRequests, OutgoingRequests } from "./contact-requests";
import { GroupManager } from "./group-manager";
import { PrivacySettings } from "./privacy-settings";
import { useBook, useGroups } from "./use-book";
import { VcardControls } from "./vcard-controls";

/** /contacts: the whole address book, its groups, the requests, and who sees you. */
export function ContactsPage() {
  const book = useBook();
  const groups = useGroups();
  const [tab, setTab] = useState<"live" | "edit">("live");
  const [query, setQuery] = useState("");
  const entries = book.data?.entries ?? [];
  const kept = entries.filter((e) => e.inBook && !e.pendingOut);
  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
      <div className="min-w-0 space-y-4">
        <AddContactForm />
        {book.isPending ? (
          <div className="h-40 animate-pulse rounded-2xl bg-slate-100" role="status" aria-label="Loading your contacts" />
        ) : book.isError ? (
          <p role="alert" className="rounded-2xl border border-rose-200 bg-rose-50 p-4 text-rose-800">
            Your contacts could not be loaded.{" "}
            <button type="button" onClick={() => void book.refetch()} className="underline">
              Try again
            </button>
          </p>
        ) : (
          <>
            <IncomingRequests entries={entries} />
            <section aria-labelledby="book-t" className="rounded-2xl border border-slate-200 bg-white p-4">
              <div className="flex flex-wrap items-center justify-between gap-2">
                <h2 id="book-t" className="font-semibold">
                  Your contacts <span className="font-normal text-slate-600">({kept.length})</span>
                </h2>
                <div role="tablist" aria-label="View" className="flex rounded-lg bg-slate-100 p-0.5 text-sm">
                  {(["live", "edit"] as const).map((t) => (
                    <button
                      key={t}
                      role="tab"
                      type="button"
                      aria-selected={tab === t}
                      onClick={() => setTab(t)}
                      className={`rounded-md px-3 py-1 ${tab === t ? "bg-white font-semibold shadow-sm" : "text-slate-700"}`}
                    >
                      {t === "live" ? "Live" : "Edit"}
                    </button>
                  ))}
                </div>
              </div>
              <SearchInput
                label="Search contacts"
                value={query}
                onChange={setQuery}
                placeholder="Search by name, nickname or number"
                className="mt-3 block"
                testId="contacts-search"
              />
              <div className="mt-3">
                {kept.length === 0 ? (
                  <p className="py-6 text-center text-slate-600">No contacts yet: add someone by number above, or from the directory.</p>
                ) : tab === "live" ? (
                  <ContactList entries={entries} query={query} />
                ) : (
                  <ul className="divide-y divide-slate-100">
                    {kept
                      .filter((e) => !query || (e.nickname + e.displayName + e.handle).toLowerCase().includes(query.trim().toLowerCase()))
                      .map((e) => (
                        <ContactEditor key={e.memberId} entry={e} groups={groups.data ?? []} />
                      ))}
                  </ul>
                )}
              </div>
              <div className="mt-3">
                <OutgoingRequests entries={entries} />
              </div>
            </section>
          </>
        )}
      </div>
      <div className="space-y-4">
        <AsksList />
        <PrivacySettings />
        <GroupManager />
        <div className="rounded-2xl bg-white">
          <VcardControls />
        </div>
      </div>
    </div>
  );
}
