"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { createContext, type ReactNode, useContext, useEffect, useRef, useState, useSyncExternalStore } from "react";
import type { ConversationSummary } from "@/lib/messages/list-conversations";
import { apiGet } from "../api";
import { useMemberEvent } from "../calls/use-member-event";
import { usePresenceClient } from "../presence/presence-provider";
import { MessageStore } from "./message-store";

const Ctx = createContext<MessageStore | null>(null);

export const messageKeys = {
  all: ["messages"] as const,
  list: () => ["messages", "list"] as const,
  unread: () => ["messages", "unread"] as const,
};

/** The page's message store, for the signed-in member (none for guests). */
export function MessageStoreProvider({ memberId, children }: { memberId: string | null; children: ReactNode }) {
  const presence = usePresenceClient();
  const [store, setStore] = useState<MessageStore | null>(null);
  useEffect(() => {
    if (!memberId || typeof window === "undefined") return;
    const s = new MessageStore(memberId, presence);
    s.start();
    setStore(s);
    return () => {
      s.stop();
      setStore(null);
    };
  }, [memberId, presence]);
  return (
    <Ctx.Provider value={store}>
      {memberId && <ListRefresher />}
      {children}
    </Ctx.Provider>
  );
}

/** Any message or marker refreshes the list and the badge (a burst refreshes once). */
function ListRefresher() {
  const qc = useQueryClient();
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const refresh = () => {
    if (timer.current) return;
    timer.current = setTimeout(() => {
      timer.current = null;
      void qc.invalidateQueries({ queryKey: messageKeys.all });
    }, 250);
  };
  useMemberEvent("message", refresh);
  useMemberEvent("read", refresh);
  useMemberEvent("conversation", refresh);
  useEffect(() => () => void (timer.current && clearTimeout(timer.current)), []);
  return null;
}

export function useMessageStore(): MessageStore | null {
  return useContext(Ctx);
}

/** Re-renders on every change in the store; returns it. */
export function useStoreVersion(store: MessageStore | null): number {
  return useSyncExternalStore(
    (l) => store?.subscribe(l) ?? (() => {}),
    () => store?.version ?? -1,
    () => -1,
  );
}

export function useConversations() {
  return useQuery({
    queryKey: messageKeys.list(),
    queryFn: ({ signal }) => apiGet<{ conversations: ConversationSummary[] }>("/api/messages", signal),
  });
}

export function useUnreadMessages(initial: number) {
  const q = useQuery({
    queryKey: messageKeys.unread(),
    queryFn: ({ signal }) => apiGet<{ unread: number; requests: number }>("/api/messages/unread", signal),
    initialData: { unread: initial, requests: 0 },
    initialDataUpdatedAt: 0,
    staleTime: 30_000,
  });
  return q.data.unread + q.data.requests;
}
