"use client";

import { useMemo } from "react";
import type { BookEntry } from "@/lib/contacts/list-book";
import { searchBook } from "@/lib/contacts/merge-book";
import type { PublicStatus } from "@/lib/presence/status";
import { useStatuses } from "../presence/presence-provider";
import { ContactRow, useMinuteClock } from "./contact-row";
import { useAsks } from "./use-asks";

const NONE: Record<string, PublicStatus> = {};
const RANK: Record<PublicStatus, number> = { online: 0, away: 1, busy: 1, dnd: 2, offline: 3 };

/** The people kept, live: favourites, then each group, then the rest; online first within each. */
export function ContactList({ entries, query }: { entries: BookEntry[]; query: string }) {
  const kept = useMemo(() => entries.filter((e) => e.inBook && !e.pendingOut), [entries]);
  // Only those who share their presence are watched; the server decides what each shows anyway.
  const watched = useMemo(() => kept.filter((e) => e.subscription === "to" || e.subscription === "both").map((e) => e.memberId), [kept]);
  const statuses = useStatuses(watched, NONE);
  const asks = useAsks();
  const now = useMinuteClock();
  const openAsk = useMemo(() => new Map((asks.data ?? []).filter((a) => a.state === "open").map((a) => [a.memberId, a])), [asks.data]);
  const shown = searchBook(kept, query);
  const statusOf = (e: BookEntry): PublicStatus => statuses[e.memberId] ?? "offline";
  const sorted = (list: BookEntry[]) => [...list].sort((a, b) => RANK[statusOf(a)] - RANK[statusOf(b)]);

  const sections: { key: string; title: string; list: BookEntry[] }[] = [];
  const favourites = shown.filter((e) => e.favourite);
  if (favourites.length) sections.push({ key: "fav", title: "Favourites", list: favourites });
  const groups = new Map<string, { name: string; list: BookEntry[] }>();
  for (const e of shown)
    for (const g of e.groups) {
      const s = groups.get(g.id) ?? { name: g.name, list: [] };
      s.list.push(e);
      groups.set(g.id, s);
    }
  for (const [id, g] of groups) sections.push({ key: id, title: g.name, list: g.list });
  const loose = shown.filter((e) => e.groups.length === 0 && !e.favourite);
  if (loose.length) sections.push({ key: "rest", title: groups.size || favourites.length ? "Other contacts" : "Contacts", list: loose });

  if (kept.length > 0 && shown.length === 0)
    return <p className="py-4 text-center text-sm text-slate-600">No contact matches “{query}”.</p>;
  return (
    <div className="space-y-4" data-testid="contact-list">
      {sections.map((s) => {
        const online = s.list.filter((e) => statusOf(e) !== "offline").length;
        return (
          <section key={s.key} aria-label={s.title} data-testid="contact-section" data-title={s.title}>
            <h3 className="flex justify-between text-xs font-semibold uppercase tracking-wide text-slate-600">
              <span>{s.title}</span>
              <span className="font-normal normal-case">
                {online}/{s.list.length} online
              </span>
            </h3>
            <ul className="divide-y divide-slate-100">
              {sorted(s.list).map((e) => (
                <ContactRow
                  key={e.memberId}
                  entry={e}
                  status={statusOf(e)}
                  now={now}
                  ask={openAsk.get(e.memberId)}
                  onAsk={asks.ask}
                  onCancelAsk={asks.cancel}
                />
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
