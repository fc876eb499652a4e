"use client";

import { useEffect, useId, useState } from "react";
import type { ContactGroupView } from "@/lib/contacts/groups";
import type { BookEntry } from "@/lib/contacts/list-book";
import { Avatar } from "../avatar";
import { useAction } from "../use-action";
import { useContactActions } from "./use-book";
import { NumberDisplay } from "@/components/number-display";

const SUBSCRIPTION_TEXT: Record<BookEntry["subscription"], string> = {
  both: "You see each other",
  to: "You see them; they do not see you",
  from: "They see you; you do not see them",
  none: "Neither sees the other",
};

/** One entry of the book, opened for editing: nickname, note, star, groups, "appear offline to", remove. */
export function ContactEditor({ entry, groups }: { entry: BookEntry; groups: ContactGroupView[] }) {
  const actions = useContactActions();
  const act = useAction();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [nickname, setNickname] = useState(entry.nickname);
  const [note, setNote] = useState(entry.note);
  const [groupIds, setGroupIds] = useState(entry.groups.map((g) => g.id));
  const [saved, setSaved] = useState(false);
  // Shown at once, one change at a time; once the book agrees (or the server refuses) the book decides again.
  const [wanted, setWanted] = useState<boolean | null>(null);
  const hidden = wanted ?? entry.appearOffline;
  useEffect(() => {
    if (wanted !== null && entry.appearOffline === wanted) setWanted(null);
  }, [entry.appearOffline, wanted]);
  const hide = (v: boolean) => {
    setWanted(v);
    void act.run(() => actions.appearOffline(entry.memberId, v)).then((ok) => ok || setWanted(null));
  };
  // Opening starts from what the book holds; while open, what is typed stays (the entry may change under it).
  const openEditor = () => {
    if (!open) {
      setNickname(entry.nickname);
      setNote(entry.note);
      setGroupIds(entry.groups.map((g) => g.id));
      setSaved(false);
    }
    setOpen(!open);
  };
  const name = entry.nickname || entry.displayName;
  const toggle = (gid: string) => setGroupIds((ids) => (ids.includes(gid) ? ids.filter((x) => x !== gid) : [...ids, gid]));
  async function save(e: React.FormEvent) {
    e.preventDefault();
    setSaved(false);
    if (await act.run(() => actions.edit(entry.memberId, { nickname, note, groupIds }))) setSaved(true);
  }
  return (
    <li className="py-3" data-testid="book-entry" data-member={entry.handle}>
      <div className="flex items-center gap-3">
        <Avatar name={entry.displayName} photoUrl={entry.photoUrl} size={40} />
        <div className="min-w-0 flex-1">
          <p className="truncate font-medium">
            {name}
            {entry.nickname && <span className="font-normal text-slate-600"> · {entry.displayName}</span>}
          </p>
          <p className="truncate text-sm text-slate-600">
            {entry.formattedNumber && <NumberDisplay spelled={entry.formattedNumber} className="" />} ·{" "}
            {SUBSCRIPTION_TEXT[entry.subscription]}
            {entry.groups.length > 0 && ` · ${entry.groups.map((g) => g.name).join(", ")}`}
            {entry.appearOffline && " · You appear offline to them"}
          </p>
        </div>
        <button
          type="button"
          onClick={() => void act.run(() => actions.edit(entry.memberId, { favourite: !entry.favourite }))}
          aria-pressed={entry.favourite}
          aria-label={entry.favourite ? `Remove ${name} from favourites` : `Add ${name} to favourites`}
          className={`rounded-full p-2 text-lg leading-none hover:bg-slate-100 ${entry.favourite ? "text-amber-500" : "text-slate-400"}`}
          data-testid="favourite"
        >
          ★
        </button>
        <button
          type="button"
          onClick={openEditor}
          aria-expanded={open}
          aria-controls={`${id}-edit`}
          className="rounded-lg border border-slate-300 px-3 py-1.5 text-sm font-medium hover:bg-slate-50"
          data-testid="edit-contact"
        >
          {open ? "Close" : "Edit"}
        </button>
      </div>
      {open && (
        <form id={`${id}-edit`} onSubmit={save} className="mt-3 grid gap-3 rounded-xl bg-slate-50 p-3 sm:grid-cols-2">
          <label className="text-sm">
            <span className="font-medium">Nickname (only you see it)</span>
            <input
              value={nickname}
              onChange={(e) => setNickname(e.target.value)}
              maxLength={64}
              className="mt-1 w-full rounded-lg border border-slate-300 px-3 py-1.5"
              data-testid="nickname"
            />
          </label>
          <label className="text-sm sm:row-span-2">
            <span className="font-medium">Note (only you see it)</span>
            <textarea
              value={note}
              onChange={(e) => setNote(e.target.value)}
              maxLength={1000}
              rows={3}
              className="mt-1 w-full rounded-lg border border-slate-300 px-3 py-1.5"
            />
          </label>
          <fieldset className="text-sm">
            <legend className="font-medium">Groups</legend>
            {groups.length === 0 ? (
              <p className="mt-1 text-slate-600">No groups yet: make one under Groups.</p>
            ) : (
              <div className="mt-1 flex flex-wrap gap-2">
                {groups.map((g) => (
                  <label key={g.id} className="inline-flex items-center gap-1.5 rounded-full border border-slate-300 bg-white px-2.5 py-1">
                    <input
                      type="checkbox"
                      checked={groupIds.includes(g.id)}
                      onChange={() => toggle(g.id)}
                      data-testid={`group-${g.name}`}
                    />
                    {g.name}
                  </label>
                ))}
              </div>
            )}
          </fieldset>
          <div className="flex flex-wrap items-center gap-2 sm:col-span-2">
            <button
              type="submit"
              disabled={act.busy}
              className="rounded-lg bg-brand-600 px-4 py-1.5 text-sm font-semibold text-white hover:bg-brand-700 disabled:opacity-60"
              data-testid="save-contact"
            >
              {act.busy ? "Saving…" : "Save"}
            </button>
            <label className="inline-flex items-center gap-2 text-sm">
              <input
                type="checkbox"
                checked={hidden}
                disabled={act.busy}
                onChange={(e) => hide(e.target.checked)}
                data-testid="appear-offline"
              />
              Appear offline to {entry.displayName.split(" ")[0]}
            </label>
            <button
              type="button"
              onClick={() => {
                if (window.confirm(`Remove ${name} from your contacts? Neither of you will see the other any more.`))
                  void act.run(() => actions.act(entry.memberId, "remove"));
              }}
              className="ml-auto rounded-lg px-3 py-1.5 text-sm font-medium text-rose-700 hover:bg-rose-50"
            >
              Remove
            </button>
            <p role={act.error ? "alert" : "status"} className="w-full text-sm">
              {act.error ? (
                <span className="text-rose-700">{act.error}</span>
              ) : saved ? (
                <span className="text-emerald-800">Saved.</span>
              ) : null}
            </p>
          </div>
        </form>
      )}
    </li>
  );
}
