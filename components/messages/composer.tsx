"use client";

import { type ClipboardEvent, type DragEvent, type KeyboardEvent, useEffect, useRef, useState } from "react";
import { MAX_BODY_CHARS, type WireMessage } from "@/lib/messages/wire";
import { uuid7 } from "@/lib/messages/uuid7";
import { ApiError, apiSend, uploadForm } from "../api";
import type { MessageStore } from "./message-store";

const EMOJI = [
  "😀",
  "😂",
  "😊",
  "😍",
  "🤔",
  "😮",
  "😢",
  "😡",
  "👍",
  "👎",
  "👏",
  "🙏",
  "🎉",
  "❤️",
  "🔥",
  "✅",
  "👀",
  "💯",
  "☕",
  "🍕",
  "🚀",
  "📞",
  "📅",
  "👋",
];

type Upload = { id: string; name: string; fraction: number; error: string | null; file: File; replyToSeq?: number };

/**
 * Writing: Enter sends, Shift+Enter breaks the line; a file can be attached, pasted or dropped (sent
 * at once, with its progress). Editing one's own message reuses the box. Messages go into the
 * store's queue, so one written offline waits and goes out when the connection is back.
 */
export function Composer({
  conversationId,
  store,
  replyTo,
  editing,
  onDone,
  disabled,
}: {
  conversationId: string;
  store: MessageStore;
  replyTo: WireMessage | null;
  editing: WireMessage | null;
  onDone: () => void;
  disabled?: string | null;
}) {
  const [text, setText] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [uploads, setUploads] = useState<Upload[]>([]);
  const [emojiOpen, setEmojiOpen] = useState(false);
  const [dragging, setDragging] = useState(false);
  const box = useRef<HTMLTextAreaElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const emojiButton = useRef<HTMLButtonElement>(null);
  const draftKey = `portal-draft:${conversationId}`;

  // A draft survives switching conversations and reloads.
  useEffect(() => {
    setText(sessionStorage.getItem(draftKey) ?? "");
  }, [draftKey]);
  useEffect(() => {
    if (editing) {
      setText(editing.body);
      box.current?.focus();
    }
  }, [editing]);
  useEffect(() => {
    if (replyTo) box.current?.focus();
  }, [replyTo]);

  function change(value: string) {
    setText(value);
    setError(null);
    if (!editing) {
      sessionStorage.setItem(draftKey, value);
      if (value.trim()) store.typingNow(conversationId);
    }
  }

  async function submit() {
    const body = text.trim();
    if (!body) return;
    if (body.length > MAX_BODY_CHARS) {
      setError(`A message holds at most ${MAX_BODY_CHARS.toLocaleString()} characters (this one has ${body.length.toLocaleString()}).`);
      return;
    }
    if (editing) {
      try {
        const { message } = await apiSend<{ message: WireMessage }>(
          "PATCH",
          `/api/messages/${encodeURIComponent(conversationId)}/${editing.seq}`,
          { clientId: uuid7(), body },
        );
        store.stored(message);
        setText(sessionStorage.getItem(draftKey) ?? "");
        onDone();
      } catch (err) {
        setError(err instanceof ApiError ? err.message : "The change was not saved: no connection. Try again.");
      }
      return;
    }
    store.send(conversationId, body, replyTo?.seq);
    setText("");
    sessionStorage.removeItem(draftKey);
    onDone();
  }

  function keyDown(e: KeyboardEvent<HTMLTextAreaElement>) {
    if (e.key === "Enter" && !e.shiftKey && !e.nativeEvent.isComposing) {
      e.preventDefault();
      void submit();
    } else if (e.key === "Escape" && (editing || replyTo)) {
      setText(editing ? (sessionStorage.getItem(draftKey) ?? "") : text);
      onDone();
    }
  }

  function sendFiles(files: File[]) {
    for (const file of files) {
      const u: Upload = { id: uuid7(), name: file.name || "pasted file", fraction: 0, error: null, file, replyToSeq: replyTo?.seq };
      setUploads((all) => [...all, u]);
      void upload(u);
    }
    if (replyTo) onDone();
  }

  async function upload(u: Upload) {
    const form = new FormData();
    form.set("file", u.file, u.name);
    form.set("clientId", u.id);
    if (u.replyToSeq) form.set("replyToSeq", String(u.replyToSeq));
    try {
      const { message } = await uploadForm<{ message: WireMessage }>(
        `/api/messages/${encodeURIComponent(conversationId)}/files`,
        form,
        (f) => setUploads((all) => all.map((x) => (x.id === u.id ? { ...x, fraction: f } : x))),
      );
      store.stored(message);
      setUploads((all) => all.filter((x) => x.id !== u.id));
    } catch (err) {
      const msg = err instanceof ApiError ? err.message : "The file was not sent.";
      setUploads((all) => all.map((x) => (x.id === u.id ? { ...x, error: msg } : x)));
    }
  }

  function paste(e: ClipboardEvent<HTMLTextAreaElement>) {
    const files = [...e.clipboardData.files];
    if (files.length) {
      e.preventDefault();
      sendFiles(files);
    }
  }

  function drop(e: DragEvent) {
    e.preventDefault();
    setDragging(false);
    const files = [...e.dataTransfer.files];
    if (files.length) sendFiles(files);
  }

  function insertEmoji(emoji: string) {
    const el = box.current;
    const at = el?.selectionStart ?? text.length;
    const next = text.slice(0, at) + emoji + text.slice(el?.selectionEnd ?? at);
    change(next);
    setEmojiOpen(false);
    requestAnimationFrame(() => {
      el?.focus();
      el?.setSelectionRange(at + emoji.length, at + emoji.length);
    });
  }

  if (disabled)
    return (
      <p className="border-t border-slate-200 bg-slate-50 px-4 py-3 text-sm text-slate-700" data-testid="composer-disabled">
        {disabled}
      </p>
    );

  return (
    <div
      className={`border-t border-slate-200 bg-white px-2 pb-2 pt-1 sm:px-3 ${dragging ? "ring-2 ring-inset ring-brand-400" : ""}`}
      onDragOver={(e) => {
        if (e.dataTransfer.types.includes("Files")) {
          e.preventDefault();
          setDragging(true);
        }
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={drop}
      data-testid="composer"
    >
      {uploads.map((u) => (
        <div key={u.id} className="mb-1 flex items-center gap-2 rounded-lg bg-slate-50 px-2 py-1 text-sm" data-testid="upload">
          <span className="min-w-0 flex-1 truncate">{u.name}</span>
          {u.error ? (
            <>
              <span role="alert" className="text-rose-700">
                {u.error}
              </span>
              <button
                type="button"
                className="font-medium text-brand-700 underline"
                onClick={() => {
                  setUploads((all) => all.map((x) => (x.id === u.id ? { ...x, error: null, fraction: 0 } : x)));
                  void upload({ ...u, error: null, fraction: 0 });
                }}
              >
                Retry
              </button>
              <button
                type="button"
                className="text-slate-600 underline"
                onClick={() => setUploads((all) => all.filter((x) => x.id !== u.id))}
              >
                Remove
              </button>
            </>
          ) : (
            <progress className="h-2 w-28" max={1} value={u.fraction} aria-label={`Sending ${u.name}`} />
          )}
        </div>
      ))}
      {(replyTo || editing) && (
        <div
          className="mb-1 flex items-center gap-2 rounded-lg bg-brand-50 px-2 py-1 text-sm text-slate-700"
          data-testid="composer-context"
        >
          <span className="min-w-0 flex-1 truncate">
            {editing ? "Editing your message" : `Replying to: ${replyTo!.body || replyTo!.file?.name || "a file"}`}
          </span>
          <button
            type="button"
            className="rounded px-1 font-medium text-brand-700 hover:underline"
            onClick={() => {
              if (editing) setText(sessionStorage.getItem(draftKey) ?? "");
              onDone();
            }}
          >
            Cancel
          </button>
        </div>
      )}
      {error && (
        <p role="alert" className="mb-1 text-sm text-rose-700">
          {error}
        </p>
      )}
      <div className="flex items-end gap-1">
        <button
          type="button"
          onClick={() => fileInput.current?.click()}
          className="rounded-full p-2 text-slate-600 hover:bg-slate-100"
          aria-label="Attach a file or picture"
          title="Attach a file or picture"
          disabled={!!editing}
        >
          <svg aria-hidden="true" viewBox="0 0 24 24" width="22" height="22" fill="currentColor">
            <path d="M16.5 6v11.5a4 4 0 0 1-8 0V5a2.5 2.5 0 0 1 5 0v10.5a1 1 0 0 1-2 0V6H10v9.5a2.5 2.5 0 0 0 5 0V5a4 4 0 0 0-8 0v12.5a5.5 5.5 0 0 0 11 0V6h-1.5z" />
          </svg>
        </button>
        <input
          ref={fileInput}
          type="file"
          multiple
          className="sr-only"
          tabIndex={-1}
          aria-label="Choose files to send"
          data-testid="file-input"
          onChange={(e) => {
            sendFiles([...(e.target.files ?? [])]);
            e.target.value = "";
          }}
        />
        <div className="relative">
          <button
            type="button"
            ref={emojiButton}
            onClick={() => setEmojiOpen((o) => !o)}
            className="rounded-full p-2 text-slate-600 hover:bg-slate-100"
            aria-label="Insert an emoji"
            aria-expanded={emojiOpen}
            title="Emoji"
          >
            <span aria-hidden="true" className="text-xl leading-none">
              ☺
            </span>
          </button>
          {emojiOpen && (
            <div
              className="absolute bottom-12 left-0 z-20 grid w-64 grid-cols-6 gap-1 rounded-xl bg-white p-2 shadow-lg ring-1 ring-slate-200"
              role="dialog"
              aria-label="Emoji"
              onKeyDown={(e) => {
                if (e.key === "Escape") {
                  e.stopPropagation();
                  setEmojiOpen(false);
                  emojiButton.current?.focus();
                }
              }}
            >
              {EMOJI.map((e, i) => (
                <button
                  key={e}
                  type="button"
                  autoFocus={i === 0}
                  onClick={() => insertEmoji(e)}
                  className="rounded-lg p-1 text-xl hover:bg-slate-100"
                  aria-label={`Insert ${e}`}
                >
                  {e}
                </button>
              ))}
            </div>
          )}
        </div>
        <label className="min-w-0 flex-1">
          <span className="sr-only">{editing ? "Edit your message" : "Write a message"}</span>
          <textarea
            ref={box}
            value={text}
            onChange={(e) => change(e.target.value)}
            onKeyDown={keyDown}
            onPaste={paste}
            rows={1}
            placeholder="Write a message"
            data-testid="composer-input"
            className="max-h-40 min-h-10 w-full resize-none rounded-2xl border border-slate-300 px-3 py-2 text-[15px] [field-sizing:content] focus:border-brand-500"
          />
        </label>
        <button
          type="button"
          onClick={() => void submit()}
          disabled={!text.trim()}
          className="rounded-full bg-brand-600 p-2.5 text-white hover:bg-brand-700 disabled:opacity-40"
          aria-label={editing ? "Save the change" : "Send"}
          data-testid="composer-send"
        >
          <svg aria-hidden="true" viewBox="0 0 24 24" width="20" height="20" fill="currentColor">
            <path d="M2 21l21-9L2 3v7l15 2-15 2z" />
          </svg>
        </button>
      </div>
    </div>
  );
}
