"use client";

import { fileUrl, type WireMessage } from "@/lib/messages/wire";
import { MessageText } from "./message-text";

export type Receipt = "sent" | "delivered" | "read";

const RECEIPT_LABEL: Record<Receipt, string> = { sent: "Sent", delivered: "Delivered", read: "Read" };

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** One message in the thread: text or file, reply quote, edited/deleted marks, and the sender's actions. */
export function MessageBubble({
  m,
  mine,
  senderName,
  replyTo,
  receipt,
  highlight,
  onReply,
  onEdit,
  onDelete,
  onPreview,
}: {
  m: WireMessage;
  mine: boolean;
  senderName: string | null;
  replyTo: WireMessage | null | undefined;
  receipt: Receipt | null;
  highlight: boolean;
  onReply: () => void;
  onEdit: () => void;
  onDelete: () => void;
  onPreview: (m: WireMessage) => void;
}) {
  const deleted = m.deletedAt !== null;
  const time = new Date(m.createdAt).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
  return (
    <div
      className={`group flex px-3 py-0.5 ${mine ? "justify-end" : "justify-start"}`}
      data-testid="message"
      tabIndex={-1}
      data-seq={m.seq}
      data-mine={mine ? "1" : "0"}
    >
      <div className={`flex max-w-[85%] items-end gap-1 sm:max-w-[70%] ${mine ? "flex-row-reverse" : ""}`}>
        <div
          className={`min-w-0 rounded-2xl px-3 py-2 text-[15px] leading-snug shadow-sm transition-colors ${
            deleted
              ? "bg-slate-100 italic text-slate-600"
              : mine
                ? "bg-brand-600 text-white"
                : "bg-white text-slate-900 ring-1 ring-slate-200"
          } ${highlight ? "ring-4 ring-amber-300" : ""}`}
        >
          {senderName && !mine && <div className="mb-0.5 text-xs font-semibold text-brand-700">{senderName}</div>}
          {replyTo !== undefined && !deleted && (
            <div
              className={`mb-1 border-l-2 pl-2 text-xs ${mine ? "border-white/60 text-white/90" : "border-brand-400 text-slate-600"}`}
              data-testid="reply-quote"
            >
              {replyTo === null
                ? "An earlier message"
                : replyTo.deletedAt
                  ? "Deleted message"
                  : replyTo.body || replyTo.file?.name || "A file"}
            </div>
          )}
          {deleted ? (
            <span data-testid="message-deleted">This message was deleted</span>
          ) : (
            <>
              {m.file && <FileView m={m} mine={mine} onPreview={onPreview} />}
              {m.body && (
                <div data-testid="message-body">
                  <MessageText text={m.body} />
                </div>
              )}
            </>
          )}
          <div className={`mt-0.5 flex justify-end gap-1 text-[11px] ${mine && !deleted ? "text-white/85" : "text-slate-600"}`}>
            {m.editedAt && !deleted && <span data-testid="message-edited">edited</span>}
            <time dateTime={m.createdAt}>{time}</time>
            {receipt && (
              <span
                data-testid="receipt"
                data-receipt={receipt}
                role="img"
                aria-label={RECEIPT_LABEL[receipt]}
                title={RECEIPT_LABEL[receipt]}
              >
                {receipt === "sent" ? "✓" : "✓✓"}
              </span>
            )}
          </div>
        </div>
        {!deleted && (
          <div className="flex shrink-0 gap-0.5 opacity-0 group-focus-within:opacity-100 group-hover:opacity-100 [@media(hover:none)]:opacity-100">
            <IconButton label="Reply" onClick={onReply} d="M10 9V5l-7 7 7 7v-4.1c5 0 8.5 1.6 11 5.1-1-5-4-10-11-11z" />
            {mine && m.kind === "text" && (
              <IconButton
                label="Edit"
                onClick={onEdit}
                d="M3 17.25V21h3.75L17.8 9.94l-3.75-3.75L3 17.25zM20.7 7.04a1 1 0 0 0 0-1.41l-2.34-2.34a1 1 0 0 0-1.41 0l-1.83 1.83 3.75 3.75 1.83-1.83z"
              />
            )}
            {mine && (
              <IconButton
                label="Delete"
                onClick={onDelete}
                d="M6 19a2 2 0 0 0 2 2h8a2 2 0 0 0 2-2V7H6v12zM19 4h-3.5l-1-1h-5l-1 1H5v2h14V4z"
              />
            )}
          </div>
        )}
      </div>
    </div>
  );
}

function IconButton({ label, onClick, d }: { label: string; onClick: () => void; d: string }) {
  return (
    <button
      type="button"
      onClick={onClick}
      aria-label={label}
      title={label}
      className="rounded-full p-1.5 text-slate-600 hover:bg-slate-200 hover:text-slate-900"
    >
      <svg aria-hidden="true" viewBox="0 0 24 24" width="16" height="16" fill="currentColor">
        <path d={d} />
      </svg>
    </button>
  );
}

function FileView({ m, mine, onPreview }: { m: WireMessage; mine: boolean; onPreview: (m: WireMessage) => void }) {
  const f = m.file!;
  if (f.thumb) {
    const w = f.width ?? 480;
    const h = f.height ?? 360;
    const scale = Math.min(1, 280 / w, 320 / h);
    return (
      <button
        type="button"
        onClick={() => onPreview(m)}
        className="mb-1 block overflow-hidden rounded-xl"
        aria-label={`Open picture ${f.name}`}
      >
        {/* eslint-disable-next-line @next/next/no-img-element -- served by our own route, for members only */}
        <img
          src={fileUrl(m.conversationId, m.seq, true)}
          alt={f.name}
          width={Math.round(w * scale)}
          height={Math.round(h * scale)}
          loading="lazy"
          className="block bg-slate-200 object-cover"
          data-testid="message-image"
        />
      </button>
    );
  }
  return (
    <a
      href={fileUrl(m.conversationId, m.seq)}
      download={f.name}
      className={`mb-1 flex items-center gap-2 rounded-xl px-2 py-1.5 ${mine ? "bg-white/15" : "bg-slate-100"}`}
      data-testid="message-file"
    >
      <svg aria-hidden="true" viewBox="0 0 24 24" width="28" height="28" fill="currentColor" className="shrink-0 opacity-80">
        <path d="M14 2H6a2 2 0 0 0-2 2v16a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2V8l-6-6zm-1 7V3.5L18.5 9H13z" />
      </svg>
      <span className="min-w-0">
        <span className="block truncate font-medium">{f.name}</span>
        <span className="block text-xs opacity-80">{formatSize(f.size)}</span>
      </span>
    </a>
  );
}
