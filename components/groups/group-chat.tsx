"use client";

import Link from "next/link";
import { useEffect } from "react";
import { useConversations, useMessageStore } from "../messages/message-provider";
import { ThreadView } from "../messages/thread-view";

/** The group's conversation, on its page: the same thread as in /messages. */
export function GroupChat({ conversationId, memberId }: { conversationId: string; memberId: string }) {
  const list = useConversations();
  const store = useMessageStore();
  const conversation = list.data?.conversations.find((c) => c.id === conversationId);
  // Joined a moment ago: the list held may not have it yet.
  const missing = list.isSuccess && !conversation;
  useEffect(() => {
    if (missing) void list.refetch();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [missing]);

  return (
    <section aria-labelledby="group-chat-title" className="mt-6">
      <div className="flex items-baseline justify-between">
        <h2 id="group-chat-title" className="text-lg font-semibold">
          Conversation
        </h2>
        <Link href={`/messages/${conversationId}`} className="text-sm font-medium text-brand-700 underline">
          Open in Messages
        </Link>
      </div>
      <div className="mt-3 flex h-[28rem] flex-col overflow-hidden rounded-xl border border-slate-200" data-testid="group-chat">
        {conversation && store ? (
          <ThreadView conversation={conversation} store={store} memberId={memberId} jumpTo={null} />
        ) : list.isError ? (
          <p className="p-4 text-sm text-red-700" role="alert">
            The conversation could not be loaded.{" "}
            <button type="button" className="underline" onClick={() => void list.refetch()}>
              Try again
            </button>
          </p>
        ) : (
          <div
            className="m-4 h-20 animate-pulse rounded-xl bg-slate-100"
            role="status"
            aria-busy="true"
            aria-label="Loading the conversation"
          />
        )}
      </div>
    </section>
  );
}
