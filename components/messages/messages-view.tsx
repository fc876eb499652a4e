"use client";

import { SearchInput } from "../search-input";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { type RefObject, useEffect, useLayoutEffect, useRef, useState } from "react";
import type { ConversationSummary } from "@/lib/messages/list-conversations";
import type { WireMessage } from "@/lib/messages/wire";
import { apiGet } from "../api";
import { DigestSetting } from "./digest-setting";
import { NewGroupButton } from "./new-group";
import { ConversationList, conversationName, shortTime } from "./conversation-list";
import { useConnectionState } from "../presence/presence-provider";
import { useConversations, useMessageStore } from "./message-provider";
import { ThreadView } from "./thread-view";

/** /messages: the list (with search) beside the open conversation; one at a time at phone width. */
export function MessagesView({ memberId, selected, jumpTo }: { memberId: string; selected: string | null; jumpTo: number | null }) {
  const list = useConversations();
  const store = useMessageStore();
  const [query, setQuery] = useState("");
  const box = useRef<HTMLDivElement>(null);
  const height = useFillHeight(box);
  const offline = useConnectionState().startsWith("disconnected");
  const conversations = list.data?.conversations ?? [];
  const current = conversations.find((c) => c.id === selected);
  // A conversation opened from elsewhere may be newer than the list held: ask again once.
  const missing = selected !== null && list.isSuccess && !current;
  useEffect(() => {
    if (missing) void list.refetch();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [missing]);

  return (
    <div
      ref={box}
      style={{ height }}
      className="-mx-4 -mb-16 -mt-6 flex h-[calc(100dvh-4rem)] min-h-80 border-slate-200 bg-white sm:mx-0 sm:mb-0 sm:mt-0 sm:rounded-2xl sm:border sm:shadow-sm"
    >
      <aside
        className={`${selected ? "hidden md:flex" : "flex"} w-full min-w-0 flex-col border-slate-200 md:w-80 md:border-r`}
        aria-label="Conversations"
      >
        <div className="border-b border-slate-200 p-3">
          <div className="mb-2 flex items-center justify-between">
            <h1 className="text-xl font-bold tracking-tight">Messages</h1>
            <NewGroupButton />
          </div>
          <SearchInput label="Search messages" value={query} onChange={setQuery} testId="message-search" />
        </div>
        <div className="min-h-0 flex-1 overflow-y-auto p-2">
          {query.trim() ? (
            <SearchResults query={query.trim()} conversations={conversations} />
          ) : list.isPending ? (
            <div className="space-y-2 p-1" role="status" aria-busy="true" aria-label="Loading conversations">
              {[0, 1, 2, 3].map((i) => (
                <div key={i} className="h-14 animate-pulse rounded-xl bg-slate-100" />
              ))}
            </div>
          ) : list.isError ? (
            <p role="alert" className="p-3 text-sm text-rose-700">
              Your conversations could not be loaded.{" "}
              <button type="button" className="underline" onClick={() => void list.refetch()}>
                Try again
              </button>
            </p>
          ) : conversations.length === 0 ? (
            <div className="p-4 text-center text-sm text-slate-600" data-testid="messages-empty">
              <p className="font-medium text-slate-800">No conversations yet.</p>
              <p className="mt-1">
                Write to someone from their page, the{" "}
                <Link href="/directory" className="text-brand-700 underline">
                  directory
                </Link>{" "}
                or your{" "}
                <Link href="/contacts" className="text-brand-700 underline">
                  contacts
                </Link>
                .
              </p>
            </div>
          ) : (
            <ConversationList conversations={conversations} selected={selected} />
          )}
        </div>
        <DigestSetting />
      </aside>
      <div className={`${selected ? "flex" : "hidden md:flex"} min-w-0 flex-1 flex-col`}>
        {offline && (
          <p className="bg-amber-100 px-4 py-1.5 text-sm text-amber-950" role="status" data-testid="messages-offline">
            Offline: what you write waits here and goes out when the connection is back.
          </p>
        )}
        {!selected ? (
          <div className="flex flex-1 flex-col items-center justify-center gap-2 p-8 text-center text-slate-600">
            <svg aria-hidden="true" viewBox="0 0 24 24" width="56" height="56" fill="currentColor" className="text-slate-300">
              <path d="M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H8l-4 4V6a2 2 0 0 1 2-2z" />
            </svg>
            <p className="font-medium text-slate-800">Choose a conversation</p>
            <p className="text-sm">Messages wait for people who are away and reach all their devices.</p>
          </div>
        ) : current && store ? (
          <ThreadView key={current.id} conversation={current} store={store} memberId={memberId} jumpTo={jumpTo} />
        ) : list.isError || (missing && !list.isFetching) ? (
          <p role="alert" className="m-6 text-sm text-rose-700">
            This conversation is not there: it may have been declined, or the address is wrong.{" "}
            <Link href="/messages" className="underline">
              All conversations
            </Link>
          </p>
        ) : (
          <div
            className="m-6 h-10 w-1/2 animate-pulse rounded-xl bg-slate-100"
            role="status"
            aria-busy="true"
            aria-label="Loading the conversation"
          />
        )}
      </div>
    </div>
  );
}

function SearchResults({ query, conversations }: { query: string; conversations: ConversationSummary[] }) {
  const [debounced, setDebounced] = useState(query);
  useEffect(() => {
    const t = setTimeout(() => setDebounced(query), 250);
    return () => clearTimeout(t);
  }, [query]);
  const results = useQuery({
    queryKey: ["messages", "search", debounced],
    queryFn: ({ signal }) => apiGet<{ results: WireMessage[] }>(`/api/messages/search?q=${encodeURIComponent(debounced)}`, signal),
  });
  const byId = new Map(conversations.map((c) => [c.id, c]));
  if (results.isPending) return <p className="p-3 text-sm text-slate-600">Searching…</p>;
  if (results.isError)
    return (
      <p role="alert" className="p-3 text-sm text-rose-700">
        {results.error.message}
      </p>
    );
  if (results.data.results.length === 0) return <p className="p-3 text-sm text-slate-600">No messages with “{debounced}”.</p>;
  return (
    <ul className="space-y-1" aria-label="Search results" data-testid="search-results">
      {results.data.results.map((m) => {
        const c = byId.get(m.conversationId);
        return (
          <li key={m.id}>
            <Link
              href={`/messages/${m.conversationId}?at=${m.seq}`}
              className="block rounded-xl px-2 py-2 hover:bg-slate-100"
              data-testid="search-result"
            >
              <span className="flex justify-between gap-2 text-xs text-slate-600">
                <span className="truncate font-medium text-slate-800">{c ? conversationName(c) : "Conversation"}</span>
                <span>{shortTime(m.createdAt)}</span>
              </span>
              <span className="line-clamp-2 text-sm text-slate-800">{m.body}</span>
            </Link>
          </li>
        );
      })}
    </ul>
  );
}

/** The height that fills the window below the element (the header and banners above it vary), less a margin on wider screens. */
function useFillHeight(ref: RefObject<HTMLElement | null>): number | undefined {
  const [height, setHeight] = useState<number>();
  useLayoutEffect(() => {
    const measure = () => {
      const el = ref.current;
      if (!el) return;
      const top = el.getBoundingClientRect().top + window.scrollY;
      setHeight(Math.max(320, window.innerHeight - top - (window.innerWidth >= 640 ? 24 : 0)));
    };
    measure();
    window.addEventListener("resize", measure);
    return () => window.removeEventListener("resize", measure);
  }, [ref]);
  return height;
}
