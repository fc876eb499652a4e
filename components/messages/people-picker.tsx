"use client";

import { SearchInput } from "../search-input";
import { useState } from "react";
import { Avatar } from "../avatar";
import { useBook } from "../contacts/use-book";

/** Contacts to tick, searchable; those in `exclude` are left out. */
export function PeoplePicker({
  exclude,
  chosen,
  onChange,
}: {
  exclude: Set<string>;
  chosen: Set<string>;
  onChange: (ids: Set<string>) => void;
}) {
  const book = useBook();
  const [query, setQuery] = useState("");
  const people = (book.data?.entries ?? [])
    .filter((e) => e.inBook && !e.pendingOut && !exclude.has(e.memberId))
    .filter((e) => !query || `${e.nickname} ${e.displayName} ${e.handle}`.toLowerCase().includes(query.toLowerCase()));
  if (book.isPending) return <p className="text-sm text-slate-600">Loading your contacts…</p>;
  if (book.isError)
    return (
      <p role="alert" className="text-sm text-rose-700">
        Your contacts could not be loaded.
      </p>
    );
  return (
    <div>
      <SearchInput label="Search contacts" value={query} onChange={setQuery} className="mb-2 block" />
      {people.length === 0 ? (
        <p className="text-sm text-slate-600">No contacts to add. People join groups from your contacts.</p>
      ) : (
        <ul className="max-h-64 space-y-1 overflow-y-auto" aria-label="Contacts">
          {people.map((e) => (
            <li key={e.memberId}>
              <label className="flex items-center gap-3 rounded-lg px-2 py-1.5 hover:bg-slate-50">
                <input
                  type="checkbox"
                  checked={chosen.has(e.memberId)}
                  data-testid={`pick-${e.handle}`}
                  onChange={(ev) => {
                    const next = new Set(chosen);
                    if (ev.target.checked) next.add(e.memberId);
                    else next.delete(e.memberId);
                    onChange(next);
                  }}
                />
                <Avatar name={e.displayName} photoUrl={e.photoUrl} size={32} />
                <span className="text-sm">{e.nickname || e.displayName}</span>
              </label>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
