"use client";

import { useVirtualizer } from "@tanstack/react-virtual";
import Link from "next/link";
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from "react";
import type { ConversationSummary } from "@/lib/messages/list-conversations";
import type { OutboxItem } from "@/lib/messages/outbox";
import { fileUrl, type WireMessage } from "@/lib/messages/wire";
import { shownMessages } from "@/lib/messages/thread";
import { uuid7 } from "@/lib/messages/uuid7";
import { ApiError, apiSend } from "../api";
import { Avatar } from "../avatar";
import { CallButton } from "../calls/call-button";
import { LiveStatus } from "../presence/status-dot";
import { Composer } from "./composer";
import { conversationName } from "./conversation-list";
import { GroupMenu } from "./group-menu";
import { MessageBubble, type Receipt } from "./message-bubble";
import { useStoreVersion } from "./message-provider";
import type { MessageStore } from "./message-store";
import { RequestBanner } from "./request-banner";
import { threadRows } from "./thread-rows";

/** One conversation: its header, the messages (virtualised: only what is on screen is drawn), and the composer. */
export function ThreadView({
  conversation,
  store,
  memberId,
  jumpTo,
}: {
  conversation: ConversationSummary;
  store: MessageStore;
  memberId: string;
  jumpTo: number | null;
}) {
  const cid = conversation.id;
  useStoreVersion(store);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [replyTo, setReplyTo] = useState<WireMessage | null>(null);
  const [editing, setEditing] = useState<WireMessage | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const [preview, setPreview] = useState<WireMessage | null>(null);
  const [highlight, setHighlight] = useState<number | null>(null);
  const load = useCallback(() => {
    setLoadError(null);
    store.open(cid).catch((err: unknown) => setLoadError(err instanceof ApiError ? err.message : "The conversation could not be loaded."));
  }, [store, cid]);
  useEffect(load, [load]);

  const state = store.thread(cid);
  const messages = useMemo(() => (state ? shownMessages(state.thread) : []), [state]);
  const pending = store.pending(cid);
  const rows = useMemo(() => threadRows(messages, pending, memberId), [messages, pending, memberId]);
  const bySeq = useMemo(() => new Map(state?.thread.messages.map((m) => [m.seq, m]) ?? []), [state]);
  const others = conversation.others;
  const names = useMemo(() => new Map(others.map((o) => [o.id, o.displayName])), [others]);

  const scroller = useRef<HTMLDivElement>(null);
  const atBottom = useRef(true);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: (i) => (rows[i]?.type === "day" ? 36 : 64),
    getItemKey: (i) => rows[i]!.key,
    overscan: 8,
  });

  // Stay at the newest message while the member is there (and always after they send one).
  const lastKey = rows.at(-1)?.key;
  const lastIsMine = rows.at(-1)?.type === "pending";
  useLayoutEffect(() => {
    if (rows.length && (atBottom.current || lastIsMine) && jumpTo === null) virtualizer.scrollToIndex(rows.length - 1, { align: "end" });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [lastKey, state !== undefined]);

  // Scrolling back: keep the message that was at the top in place when older ones arrive above it.
  const loadOlder = useCallback(async () => {
    const s = store.thread(cid);
    if (!s?.more || s.loadingOlder) return;
    const anchor = rows[virtualizer.getVirtualItems()[0]?.index ?? 0]?.key;
    try {
      await store.older(cid);
    } catch {
      setActionError("Earlier messages could not be loaded.");
      return;
    }
    requestAnimationFrame(() => {
      const i = threadRows(shownMessages(store.thread(cid)!.thread), store.pending(cid), memberId).findIndex((r) => r.key === anchor);
      if (i >= 0) virtualizer.scrollToIndex(i, { align: "start" });
    });
  }, [store, cid, rows, virtualizer, memberId]);

  // A search result: load back to it, then show it in its place, highlighted.
  useEffect(() => {
    if (jumpTo === null || !state) return;
    let cancelled = false;
    void (async () => {
      while (!cancelled && !store.thread(cid)?.thread.messages.some((m) => m.seq <= jumpTo) && store.thread(cid)?.more) {
        await store.older(cid, 200).catch(() => (cancelled = true));
      }
      if (cancelled) return;
      const all = threadRows(shownMessages(store.thread(cid)!.thread), store.pending(cid), memberId);
      const i = all.findIndex((r) => r.type === "message" && r.m.seq === jumpTo);
      if (i >= 0) {
        requestAnimationFrame(() => virtualizer.scrollToIndex(i, { align: "center" }));
        setHighlight(jumpTo);
        setTimeout(() => setHighlight(null), 4000);
      }
    })();
    return () => {
      cancelled = true;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [jumpTo, state !== undefined, cid]);

  // Read: what is on screen at the bottom, while the page is visible.
  const cursor = state?.thread.cursor ?? 0;
  useEffect(() => {
    const mark = () => {
      if (document.visibilityState === "visible" && atBottom.current && cursor > 0) store.markRead(cid, cursor, conversation.readSeq);
    };
    mark();
    document.addEventListener("visibilitychange", mark);
    return () => document.removeEventListener("visibilitychange", mark);
  }, [store, cid, cursor, conversation.readSeq]);

  function onScroll() {
    const el = scroller.current;
    if (!el) return;
    const was = atBottom.current;
    atBottom.current = el.scrollHeight - el.scrollTop - el.clientHeight < 80;
    if (!was && atBottom.current && cursor > 0) store.markRead(cid, cursor, conversation.readSeq);
    if (el.scrollTop < 300) void loadOlder();
  }

  function receipt(m: WireMessage): Receipt | null {
    if (m.senderId !== memberId) return null;
    // Markers come only from those who accepted the conversation: someone who has not does not hold receipts back.
    const markers = Object.values(state?.markers ?? {});
    if (markers.length && markers.every((k) => k.readSeq >= m.seq)) return "read";
    if (markers.length && markers.every((k) => k.deliveredSeq >= m.seq)) return "delivered";
    return "sent";
  }

  async function remove(m: WireMessage) {
    if (!window.confirm("Delete this message for everyone?")) return;
    setActionError(null);
    try {
      const { message } = await apiSend<{ message: WireMessage }>("DELETE", `/api/messages/${encodeURIComponent(cid)}/${m.seq}`, {
        clientId: uuid7(),
      });
      store.stored(message);
    } catch (err) {
      setActionError(err instanceof ApiError ? err.message : "The message was not deleted: no connection. Try again.");
    }
  }

  const typers = store.typers(cid).map((id) => names.get(id) ?? "Someone");
  const name = conversationName(conversation);
  const direct = conversation.kind === "direct" ? others[0] : undefined;

  return (
    <section className="flex h-full min-h-0 flex-col" aria-label={`Conversation with ${name}`} data-testid="thread">
      <header className="flex items-center gap-3 border-b border-slate-200 px-3 py-2">
        <Link href="/messages" className="rounded-full p-1.5 text-slate-700 hover:bg-slate-100 md:hidden" aria-label="All conversations">
          <svg aria-hidden="true" viewBox="0 0 24 24" width="20" height="20" fill="currentColor">
            <path d="M15.4 7.4 14 6l-6 6 6 6 1.4-1.4L10.8 12z" />
          </svg>
        </Link>
        <Avatar name={name} photoUrl={direct?.photoUrl ?? null} size={40} />
        <div className="min-w-0 flex-1">
          {direct ? (
            <Link href={`/${direct.handle}`} className="block truncate font-semibold hover:underline">
              {name}
            </Link>
          ) : (
            <span className="block truncate font-semibold">{name}</span>
          )}
          <span className="block text-xs text-slate-600" aria-live="polite" data-testid="typing">
            {typers.length ? (
              `${typers.join(", ")} ${typers.length > 1 ? "are" : "is"} typing…`
            ) : direct ? (
              <LiveStatus memberId={direct.id} initial="offline" />
            ) : (
              `${others.length + 1} people`
            )}
          </span>
        </div>
        {conversation.kind === "group" && conversation.state === "accepted" && <GroupMenu conversation={conversation} />}
        {direct && conversation.state === "accepted" && (
          <div className="flex gap-1">
            <CallButton handle={direct.handle} name={name} kind="voice" compact />
            <CallButton handle={direct.handle} name={name} kind="video" compact />
          </div>
        )}
      </header>
      {conversation.state === "request" && <RequestBanner conversation={conversation} />}
      <div ref={scroller} onScroll={onScroll} className="min-h-0 flex-1 overflow-y-auto bg-slate-50 py-2" data-testid="thread-scroller">
        {loadError ? (
          <div role="alert" className="m-6 rounded-xl bg-rose-50 p-4 text-sm text-rose-800">
            {loadError}{" "}
            <button type="button" className="font-medium underline" onClick={load}>
              Try again
            </button>
          </div>
        ) : !state ? (
          <div className="space-y-3 p-4" role="status" aria-busy="true" aria-label="Loading messages">
            {[40, 60, 30, 50].map((w, i) => (
              <div key={i} className={`h-10 animate-pulse rounded-2xl bg-slate-200 ${i % 2 ? "ml-auto" : ""}`} style={{ width: `${w}%` }} />
            ))}
          </div>
        ) : rows.length === 0 ? (
          <div className="flex h-full flex-col items-center justify-center gap-2 p-6 text-center text-slate-600" data-testid="thread-empty">
            <Avatar name={name} photoUrl={direct?.photoUrl ?? null} size={64} />
            <p className="font-medium text-slate-800">This is the start of your conversation with {name}.</p>
            <p className="text-sm">Say hello — they will get it even if they are away.</p>
          </div>
        ) : (
          <>
            {state.loadingOlder && <p className="py-2 text-center text-xs text-slate-600">Loading earlier messages…</p>}
            <div style={{ height: virtualizer.getTotalSize(), position: "relative" }}>
              {virtualizer.getVirtualItems().map((v) => {
                const row = rows[v.index]!;
                return (
                  <div
                    key={v.key}
                    data-index={v.index}
                    ref={virtualizer.measureElement}
                    style={{ position: "absolute", top: 0, left: 0, width: "100%", transform: `translateY(${v.start}px)` }}
                  >
                    {row.type === "day" ? (
                      <div className="py-2 text-center">
                        <span className="rounded-full bg-white px-3 py-1 text-xs font-medium text-slate-600 shadow-sm ring-1 ring-slate-200">
                          {row.label}
                        </span>
                      </div>
                    ) : row.type === "pending" ? (
                      <PendingBubble item={row.item} store={store} />
                    ) : (
                      <MessageBubble
                        m={row.m}
                        mine={row.m.senderId === memberId}
                        senderName={conversation.kind === "group" ? (names.get(row.m.senderId) ?? null) : null}
                        replyTo={row.m.replyToSeq ? (bySeq.get(row.m.replyToSeq) ?? null) : undefined}
                        receipt={receipt(row.m)}
                        highlight={highlight === row.m.seq}
                        onReply={() => {
                          setEditing(null);
                          setReplyTo(row.m);
                        }}
                        onEdit={() => {
                          setReplyTo(null);
                          setEditing(row.m);
                        }}
                        onDelete={() => void remove(row.m)}
                        onPreview={setPreview}
                      />
                    )}
                  </div>
                );
              })}
            </div>
          </>
        )}
      </div>
      {actionError && (
        <p role="alert" className="bg-rose-50 px-4 py-1 text-sm text-rose-800">
          {actionError}
        </p>
      )}
      <Composer
        conversationId={cid}
        store={store}
        replyTo={replyTo}
        editing={editing}
        onDone={() => {
          setReplyTo(null);
          setEditing(null);
        }}
        disabled={conversation.state === "request" ? "Accept the request to answer." : null}
      />
      {preview?.file && <PicturePreview m={preview} onClose={() => setPreview(null)} />}
    </section>
  );
}

function PendingBubble({ item, store }: { item: OutboxItem; store: MessageStore }) {
  const waiting = item.state === "queued" && item.attempts > 0;
  return (
    <div className="flex justify-end px-3 py-0.5" data-testid="pending-message" data-state={item.state}>
      <div className="max-w-[85%] sm:max-w-[70%]">
        <div
          className={`rounded-2xl px-3 py-2 text-[15px] leading-snug ${item.state === "unsent" ? "bg-rose-100 text-rose-950 ring-1 ring-rose-300" : "bg-brand-600/70 text-white"}`}
        >
          <span className="whitespace-pre-wrap break-words [overflow-wrap:anywhere]">{item.body}</span>
        </div>
        <p className="mt-0.5 text-right text-xs text-slate-600">
          {item.state === "unsent" ? (
            <span role="alert">
              Not sent{item.error ? `: ${item.error}` : ""} ·{" "}
              <button type="button" className="font-medium text-brand-700 underline" onClick={() => store.retry(item.clientId)}>
                Retry
              </button>{" "}
              ·{" "}
              <button type="button" className="underline" onClick={() => store.discard(item.clientId)}>
                Discard
              </button>
            </span>
          ) : waiting ? (
            "Waiting for the connection…"
          ) : (
            "Sending…"
          )}
        </p>
      </div>
    </div>
  );
}

function PicturePreview({ m, onClose }: { m: WireMessage; onClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    ref.current?.showModal();
  }, []);
  return (
    <dialog
      ref={ref}
      onClose={onClose}
      onClick={(e) => e.target === ref.current && ref.current?.close()}
      className="max-h-[95vh] max-w-[95vw] rounded-xl bg-slate-900 p-0 backdrop:bg-black/70"
      aria-label={m.file!.name}
      data-testid="picture-preview"
    >
      {/* eslint-disable-next-line @next/next/no-img-element -- served by our own route, for members only */}
      <img src={fileUrl(m.conversationId, m.seq)} alt={m.file!.name} className="block max-h-[85vh] max-w-[95vw] object-contain" />
      <div className="flex items-center justify-between gap-3 px-3 py-2 text-sm text-white">
        <span className="truncate">{m.file!.name}</span>
        <span className="flex gap-3">
          <a href={fileUrl(m.conversationId, m.seq)} download={m.file!.name} className="underline">
            Download
          </a>
          <button type="button" onClick={() => ref.current?.close()} className="underline" autoFocus>
            Close
          </button>
        </span>
      </div>
    </dialog>
  );
}
