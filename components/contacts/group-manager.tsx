"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import type { ContactGroupView } from "@/lib/contacts/groups";
import { apiSend } from "../api";
import { useAction } from "../use-action";
import { contactKeys, useGroups } from "./use-book";

const DETAIL_TEXT = {
  "": "As for all contacts",
  full: "Sees everything (online, away, busy…)",
  basic: "Sees online or offline only",
} as const;

/** Named groups (Family, Work…): make, rename, say how much each sees of you, delete. */
export function GroupManager() {
  const groups = useGroups();
  const qc = useQueryClient();
  const act = useAction(() => {
    void qc.invalidateQueries({ queryKey: contactKeys.groups });
    void qc.invalidateQueries({ queryKey: contactKeys.book });
  });
  const [name, setName] = useState("");
  const id = useId();
  async function create(e: React.FormEvent) {
    e.preventDefault();
    if (await act.run(() => apiSend("POST", "/api/contacts/groups", { name }))) setName("");
  }
  return (
    <section aria-labelledby={`${id}-t`} className="rounded-2xl border border-slate-200 bg-white p-4" data-testid="groups">
      <h2 id={`${id}-t`} className="font-semibold">
        Groups
      </h2>
      {groups.isPending ? (
        <div className="mt-2 h-8 animate-pulse rounded bg-slate-100" role="status" aria-label="Loading groups" />
      ) : groups.isError ? (
        <p role="alert" className="mt-2 text-sm text-rose-700">
          Groups could not be loaded.
        </p>
      ) : (
        <ul className="mt-2 divide-y divide-slate-100">
          {groups.data.map((g) => (
            <GroupRow key={g.id} group={g} run={act.run} busy={act.busy} />
          ))}
          {groups.data.length === 0 && <li className="py-2 text-sm text-slate-600">No groups yet. Family? Work?</li>}
        </ul>
      )}
      <form onSubmit={create} className="mt-3 flex gap-2" noValidate>
        <label htmlFor={`${id}-name`} className="sr-only">
          New group name
        </label>
        <input
          id={`${id}-name`}
          value={name}
          onChange={(e) => setName(e.target.value)}
          placeholder="New group, e.g. Family"
          maxLength={80}
          className="min-w-0 flex-1 rounded-lg border border-slate-300 px-3 py-1.5 text-sm"
          data-testid="new-group"
        />
        <button
          type="submit"
          disabled={act.busy || !name.trim()}
          className="rounded-lg bg-brand-600 px-3 py-1.5 text-sm font-semibold text-white hover:bg-brand-700 disabled:opacity-60"
        >
          Make group
        </button>
      </form>
      {act.error && (
        <p role="alert" className="mt-2 text-sm text-rose-700">
          {act.error}
        </p>
      )}
    </section>
  );
}

function GroupRow({ group, run, busy }: { group: ContactGroupView; run: (fn: () => Promise<unknown>) => Promise<boolean>; busy: boolean }) {
  const [renaming, setRenaming] = useState(false);
  const [name, setName] = useState(group.name);
  const url = `/api/contacts/groups/${encodeURIComponent(group.id)}`;
  return (
    <li className="flex flex-wrap items-center gap-2 py-2" data-testid="group-row" data-name={group.name}>
      {renaming ? (
        <form
          className="flex flex-1 gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            void run(() => apiSend("PATCH", url, { name })).then((ok) => ok && setRenaming(false));
          }}
        >
          <label className="sr-only" htmlFor={`rename-${group.id}`}>
            Group name
          </label>
          <input
            id={`rename-${group.id}`}
            value={name}
            onChange={(e) => setName(e.target.value)}
            className="min-w-0 flex-1 rounded-lg border border-slate-300 px-2 py-1 text-sm"
          />
          <button type="submit" disabled={busy} className="rounded-md bg-brand-600 px-2 py-1 text-xs font-semibold text-white">
            Save
          </button>
        </form>
      ) : (
        <button
          type="button"
          onClick={() => setRenaming(true)}
          className="min-w-0 flex-1 truncate text-left text-sm font-medium hover:underline"
          aria-label={`Rename ${group.name}`}
        >
          {group.name} <span className="font-normal text-slate-600">({group.size})</span>
        </button>
      )}
      <button
        type="button"
        onClick={() =>
          window.confirm(`Delete the group ${group.name}? Its people stay in your contacts.`) && void run(() => apiSend("DELETE", url))
        }
        className="rounded-md px-2 py-1 text-xs font-medium text-rose-700 hover:bg-rose-50"
        aria-label={`Delete the group ${group.name}`}
      >
        Delete
      </button>
      <label className="basis-full text-sm">
        <span className="sr-only">What {group.name} sees of you</span>
        <select
          value={group.detail ?? ""}
          onChange={(e) => void run(() => apiSend("PATCH", url, { detail: e.target.value || null }))}
          className="w-full rounded-lg border border-slate-300 px-2 py-1 text-sm"
          data-testid="group-detail"
        >
          {Object.entries(DETAIL_TEXT).map(([v, t]) => (
            <option key={v} value={v}>
              {t}
            </option>
          ))}
        </select>
      </label>
    </li>
  );
}
