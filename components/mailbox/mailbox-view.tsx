"use client";

import { useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useEffect, useRef, useState } from "react";
import type { MessageView } from "@/lib/mailbox/messages";
import { Avatar } from "../avatar";
import { CallButton } from "../calls/call-button";
import { AddContactButton } from "../contacts/add-contact-button";
import { changeMessage, type Folder, useMessages, useUnread } from "./use-mailbox";
import { NumberDisplay } from "@/components/number-display";
import { When } from "@/components/when";

const length = (ms: number) => {
  const s = Math.round(ms / 1000);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
};
const senderName = (m: MessageView) =>
  m.from.type === "member" ? m.from.displayName : m.from.type === "guest" ? m.from.name : "A former member";
const SPEEDS = [0.75, 1, 1.25, 1.5, 2];

/** Inbox and trash: the list on the left, the open message with its player and actions on the right. */
export function MailboxView() {
  const [folder, setFolder] = useState<Folder>("inbox");
  const [openId, setOpenId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const list = useMessages(folder);
  const unread = useUnread();
  const qc = useQueryClient();
  const messages = list.data?.messages ?? [];
  const open = messages.find((m) => m.id === openId) ?? null;

  async function change(m: MessageView, c: { read?: boolean; trashed?: boolean }) {
    setError(null);
    try {
      const { unread: n } = await changeMessage(m.id, c);
      qc.setQueryData(["mailbox", "unread"], { unread: n });
      await qc.invalidateQueries({ queryKey: ["mailbox", "list"] });
      if (c.trashed !== undefined) setOpenId(null);
    } catch (e) {
      setError((e as Error).message);
    }
  }

  function select(m: MessageView) {
    setOpenId(m.id);
    if (!m.read && folder === "inbox") void change(m, { read: true });
  }

  return (
    <div className="grid gap-4 lg:grid-cols-[minmax(0,2fr)_minmax(0,3fr)]">
      <section aria-label="Messages" className="overflow-hidden rounded-2xl border border-slate-200 bg-white">
        <div role="tablist" aria-label="Folders" className="flex border-b border-slate-200">
          {(["inbox", "trash"] as const).map((f) => (
            <button
              key={f}
              role="tab"
              type="button"
              aria-selected={folder === f}
              onClick={() => {
                setFolder(f);
                setOpenId(null);
              }}
              data-testid={`folder-${f}`}
              className={`flex-1 px-4 py-3 text-sm font-semibold ${folder === f ? "border-b-2 border-brand-600 text-brand-800" : "text-slate-600 hover:bg-slate-50"}`}
            >
              {f === "inbox" ? `Inbox${unread.data?.unread ? ` (${unread.data.unread})` : ""}` : "Trash"}
            </button>
          ))}
        </div>
        {list.isPending ? (
          <ul aria-busy="true" className="divide-y divide-slate-100">
            {[0, 1, 2].map((i) => (
              <li key={i} className="h-16 motion-safe:animate-pulse bg-slate-50" />
            ))}
          </ul>
        ) : list.isError ? (
          <p role="alert" className="p-6 text-rose-700">
            The mailbox could not be loaded; reload to try again.
          </p>
        ) : messages.length === 0 ? (
          <div className="p-10 text-center text-slate-600" data-testid="mailbox-empty">
            <p className="font-medium text-slate-800">{folder === "inbox" ? "No messages." : "The trash is empty."}</p>
            <p className="mt-1 text-sm">
              {folder === "inbox"
                ? "When someone leaves you a message, it appears here at once."
                : "Deleted messages stay here for 30 days."}
            </p>
          </div>
        ) : (
          <ul className="divide-y divide-slate-100" data-testid="message-list">
            {messages.map((m) => (
              <li key={m.id}>
                <button
                  type="button"
                  onClick={() => select(m)}
                  aria-current={m.id === openId}
                  data-testid="message-row"
                  data-read={m.read ? "1" : "0"}
                  className={`flex w-full items-center gap-3 px-4 py-3 text-left hover:bg-slate-50 ${m.id === openId ? "bg-brand-50" : ""}`}
                >
                  {m.hasThumb ? (
                    // eslint-disable-next-line @next/next/no-img-element
                    <img src={`/api/mailbox/messages/${m.id}/thumb`} alt="" className="h-10 w-14 rounded object-cover" />
                  ) : (
                    <span aria-hidden="true" className="flex h-10 w-14 items-center justify-center rounded bg-slate-100 text-lg">
                      🎙
                    </span>
                  )}
                  <span className="min-w-0 flex-1">
                    <span className={`block truncate ${m.read ? "text-slate-700" : "font-bold text-slate-900"}`}>
                      {senderName(m)}
                      {m.from.type === "guest" && <span className="font-normal text-slate-500"> (guest)</span>}
                    </span>
                    <span className="block text-xs text-slate-600">
                      {m.kind === "video" ? "Video" : "Voice"} · {length(m.durationMs)} · <When iso={m.createdAt} />
                      {m.fromCall ? " · after a missed call" : ""}
                    </span>
                  </span>
                  {!m.read && <span className="h-2.5 w-2.5 rounded-full bg-brand-600" role="img" aria-label="unread" />}
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-label="Message" className="rounded-2xl border border-slate-200 bg-white p-4 sm:p-5">
        {error && (
          <p role="alert" className="mb-3 rounded-lg bg-rose-50 px-3 py-2 text-sm text-rose-800">
            {error}
          </p>
        )}
        {open ? (
          <MessageDetail key={open.id} m={open} folder={folder} onChange={(c) => change(open, c)} />
        ) : messages.length ? (
          <p className="py-16 text-center text-slate-500">Choose a message to play it.</p>
        ) : (
          <div className="py-10 text-center text-slate-600" data-testid="mailbox-help">
            <span aria-hidden="true" className="mx-auto flex h-16 w-16 items-center justify-center rounded-full bg-brand-50 text-3xl">
              ✉
            </span>
            <p className="mt-3 font-medium text-slate-800">Your greeting answers while you are away</p>
            <p className="mx-auto mt-1 max-w-sm text-sm">
              Callers who cannot reach you hear it and leave a video or voice message here. Record one below, or set a temporary one while
              you travel.
            </p>
          </div>
        )}
      </section>
    </div>
  );
}

function MessageDetail({
  m,
  folder,
  onChange,
}: {
  m: MessageView;
  folder: Folder;
  onChange: (c: { read?: boolean; trashed?: boolean }) => void;
}) {
  const player = useRef<HTMLMediaElement | null>(null);
  const [speed, setSpeed] = useState(1);
  useEffect(() => {
    if (player.current) player.current.playbackRate = speed;
  }, [speed]);
  const src = `/api/mailbox/messages/${m.id}/media`;
  return (
    <article data-testid="message-detail">
      <header className="mb-3 flex items-center gap-3">
        {m.from.type === "member" ? (
          <Avatar name={m.from.displayName} photoUrl={m.from.photoUrl} size={40} />
        ) : (
          <Avatar name={senderName(m)} photoUrl={null} size={40} />
        )}
        <div className="min-w-0">
          <h2 className="truncate font-semibold">{senderName(m)}</h2>
          <p className="text-sm text-slate-600">
            {m.from.type === "member" && m.from.formattedNumber ? (
              <span>
                <NumberDisplay spelled={m.from.formattedNumber} className="" /> ·{" "}
              </span>
            ) : null}
            {m.from.type === "guest" && m.from.email ? `${m.from.email} · ` : null}
            <When iso={m.createdAt} />
          </p>
        </div>
        {m.from.type === "member" && (
          <span className="ml-auto">
            <AddContactButton memberId={m.from.id} handle={m.from.handle} name={m.from.displayName} compact />
          </span>
        )}
      </header>
      {m.kind === "video" ? (
        <video
          ref={(el) => {
            player.current = el;
          }}
          src={src}
          controls
          playsInline
          preload="metadata"
          className="aspect-video w-full rounded-xl bg-slate-900"
          data-testid="message-player"
        />
      ) : (
        <audio
          ref={(el) => {
            player.current = el;
          }}
          src={src}
          controls
          preload="metadata"
          className="w-full"
          data-testid="message-player"
        />
      )}
      <div className="mt-3 flex flex-wrap items-center gap-2">
        <label className="flex items-center gap-2 text-sm text-slate-700">
          Speed
          <select
            value={speed}
            onChange={(e) => setSpeed(Number(e.target.value))}
            className="rounded-lg border border-slate-300 px-2 py-1"
            data-testid="playback-speed"
          >
            {SPEEDS.map((s) => (
              <option key={s} value={s}>
                {s}×
              </option>
            ))}
          </select>
        </label>
        <a
          href={`${src}?download=1`}
          className="rounded-lg border border-slate-300 px-3 py-1.5 text-sm font-medium hover:bg-slate-50"
          data-testid="download"
        >
          Download
        </a>
        {folder === "inbox" ? (
          <>
            <button
              type="button"
              onClick={() => onChange({ read: !m.read })}
              className="rounded-lg border border-slate-300 px-3 py-1.5 text-sm font-medium hover:bg-slate-50"
              data-testid="toggle-read"
            >
              {m.read ? "Mark unread" : "Mark read"}
            </button>
            <button
              type="button"
              onClick={() => onChange({ trashed: true })}
              className="rounded-lg border border-rose-300 px-3 py-1.5 text-sm font-medium text-rose-700 hover:bg-rose-50"
              data-testid="delete-message"
            >
              Delete
            </button>
          </>
        ) : (
          <button
            type="button"
            onClick={() => onChange({ trashed: false })}
            className="rounded-lg border border-slate-300 px-3 py-1.5 text-sm font-medium hover:bg-slate-50"
            data-testid="restore-message"
          >
            Restore
          </button>
        )}
      </div>
      <div className="mt-4 flex flex-wrap gap-2">
        {m.from.type === "member" && (
          <>
            <CallButton handle={m.from.handle} name={m.from.displayName} kind="video" />
            <Link
              href={`/${m.from.handle}?message=1`}
              className="rounded-lg border border-slate-300 px-3 py-2 text-sm font-medium hover:bg-slate-50"
            >
              Reply with a message
            </Link>
          </>
        )}
        {m.from.type === "guest" && m.from.email && (
          <a
            href={`mailto:${m.from.email}?subject=${encodeURIComponent("Your message")}`}
            className="rounded-lg bg-brand-600 px-3 py-2 text-sm font-semibold text-white hover:bg-brand-700"
            data-testid="reply-email"
          >
            Reply by email
          </a>
        )}
      </div>
    </article>
  );
}
