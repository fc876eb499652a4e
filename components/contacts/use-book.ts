"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import type { ContactGroupView } from "@/lib/contacts/groups";
import type { Book, BookEntry } from "@/lib/contacts/list-book";
import { type HeldBook, mergeBook } from "@/lib/contacts/merge-book";
import { apiGet, apiSend } from "../api";
import { useMemberEvent } from "../calls/use-member-event";

export const contactKeys = {
  book: ["contacts", "book"] as const,
  groups: ["contacts", "groups"] as const,
  visibility: ["presence", "visibility"] as const,
  watches: ["contacts", "availability"] as const,
};

/** The signed-in member's address book (kept current by useRosterSync, mounted once per page). */
export function useBook(enabled = true) {
  const qc = useQueryClient();
  return useQuery({
    queryKey: contactKeys.book,
    // A full fetch that answers after a newer change set was merged keeps the newer book.
    queryFn: ({ signal }) =>
      apiGet<Book>("/api/contacts", signal).then((b): HeldBook => {
        const held = qc.getQueryData<HeldBook>(contactKeys.book);
        return held && held.version > b.version ? held : { version: b.version, entries: b.entries };
      }),
    enabled,
    staleTime: 30_000,
  });
}

/**
 * A `roster` event from the server (a request, an answer, an edit on another device) fetches only
 * what changed since the version held (RFC 6121 roster versioning).
 */
export function useRosterSync() {
  const qc = useQueryClient();
  useMemberEvent("roster", ({ version }) => {
    const held = qc.getQueryData<HeldBook>(contactKeys.book);
    if (!held) return void qc.invalidateQueries({ queryKey: contactKeys.book });
    if (version <= held.version) return;
    void apiGet<Book>(`/api/contacts?since=${held.version}`)
      .then((delta) => qc.setQueryData<HeldBook>(contactKeys.book, (now) => mergeBook(now ?? held, delta)))
      .catch(() => qc.invalidateQueries({ queryKey: contactKeys.book }));
  });
}

export function useGroups(enabled = true) {
  return useQuery({
    queryKey: contactKeys.groups,
    queryFn: ({ signal }) => apiGet<{ groups: ContactGroupView[] }>("/api/contacts/groups", signal).then((r) => r.groups),
    enabled,
  });
}

/** The contact actions, each refreshing the book when done (own changes may not move the roster version). */
export function useContactActions() {
  const qc = useQueryClient();
  const refresh = useCallback(() => {
    void qc.invalidateQueries({ queryKey: contactKeys.book });
    void qc.invalidateQueries({ queryKey: contactKeys.groups });
  }, [qc]);
  const then = <T>(p: Promise<T>) => p.finally(refresh);
  return {
    add: (to: string) => then(apiSend<{ entry: BookEntry | null }>("POST", "/api/contacts", { to })),
    act: (memberId: string, action: "request" | "accept" | "decline" | "decline-and-block" | "withdraw" | "remove") =>
      then(apiSend("POST", `/api/contacts/${encodeURIComponent(memberId)}`, { action })),
    edit: (memberId: string, edit: { nickname?: string; note?: string; favourite?: boolean; groupIds?: string[] }) =>
      then(apiSend("PATCH", `/api/contacts/${encodeURIComponent(memberId)}`, edit)),
    appearOffline: (memberId: string, hidden: boolean) =>
      then(apiSend(hidden ? "PUT" : "DELETE", `/api/presence/hidden/${encodeURIComponent(memberId)}`)),
    refresh,
  };
}
