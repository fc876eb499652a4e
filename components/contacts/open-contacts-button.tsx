"use client";

import { useBook } from "./use-book";

/** The event the header's button sends and the dock's drawer listens for (they live in different trees). */
export const OPEN_CONTACTS_EVENT = "portal:open-contacts";

/** On a phone, the header's way into the contact panel, with the count of requests waiting. */
export function OpenContactsButton() {
  const book = useBook();
  const requests = (book.data?.entries ?? []).filter((e) => e.pendingIn).length;
  return (
    <button
      type="button"
      onClick={() => window.dispatchEvent(new Event(OPEN_CONTACTS_EVENT))}
      className="relative rounded-lg p-2 text-slate-700 hover:bg-slate-100 lg:hidden"
      aria-haspopup="dialog"
      aria-label={requests ? `Contacts, ${requests} requests` : "Contacts"}
      data-testid="open-contacts"
    >
      <svg aria-hidden="true" viewBox="0 0 24 24" width="20" height="20" fill="none" stroke="currentColor" strokeWidth="2">
        <circle cx="9" cy="8" r="4" />
        <path d="M2 21c0-4 3-6 7-6s7 2 7 6M17 4a4 4 0 0 1 0 8M22 21c0-3-1.5-5-4-5.6" />
      </svg>
      {requests > 0 && (
        <span className="absolute -right-0.5 -top-0.5 rounded-full bg-amber-700 px-1 text-[10px] font-semibold text-white">{requests}</span>
      )}
    </button>
  );
}
