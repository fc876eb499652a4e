"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import type { MessageView } from "@/lib/mailbox/messages";
import { useMemberEvent } from "../calls/use-member-event";

export type Folder = "inbox" | "trash";

async function getJson<T>(url: string): Promise<T> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${res.status}`);
  return (await res.json()) as T;
}

/** The unread count, refreshed the moment the presence server says a message arrived. */
export function useUnread(initial?: number) {
  const qc = useQueryClient();
  // The event only says "something arrived": a page that connects later is replayed recent events,
  // whose counts are out of date by then, so the count is always asked for afresh.
  useMemberEvent("mail", () => void qc.invalidateQueries({ queryKey: ["mailbox"] }));
  return useQuery({
    queryKey: ["mailbox", "unread"],
    queryFn: () => getJson<{ unread: number }>("/api/mailbox/unread"),
    initialData: initial === undefined ? undefined : { unread: initial },
    staleTime: 30_000,
  });
}

export function useMessages(folder: Folder) {
  return useQuery({
    queryKey: ["mailbox", "list", folder],
    queryFn: () => getJson<{ messages: MessageView[]; unread: number }>(`/api/mailbox/messages?folder=${folder}`),
  });
}

export async function changeMessage(id: string, change: { read?: boolean; trashed?: boolean }): Promise<{ unread: number }> {
  const res = await fetch(`/api/mailbox/messages/${id}`, {
    method: "PATCH",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(change),
  });
  if (!res.ok)
    throw new Error(
      ((await res.json().catch(() => null)) as { error?: { message: string } } | null)?.error?.message ?? "Could not change the message.",
    );
  return (await res.json()) as { unread: number };
}
