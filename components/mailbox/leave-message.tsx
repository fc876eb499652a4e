"use client";

import { useState } from "react";
import type { GreetingView } from "@/lib/mailbox/greetings";
import { Recorder } from "./recorder";

/** The "Leave a message" panel on a member's page: their greeting first, then the recorder. */
export function LeaveMessage(props: {
  handle: string;
  name: string;
  guest: boolean;
  open: boolean;
  callId?: string;
  greeting: GreetingView | null;
  maxSeconds: number;
  business?: boolean;
}) {
  const [open, setOpen] = useState(props.open);
  // A shop is called by its whole name; a person by their first name.
  const first = props.business ? props.name : (props.name.split(" ")[0] ?? props.name);
  if (!open) {
    return (
      <button
        type="button"
        onClick={() => setOpen(true)}
        data-testid="leave-message-button"
        className="inline-flex items-center gap-2 rounded-full border border-slate-300 bg-white px-4 py-2 text-sm font-semibold text-slate-800 hover:bg-slate-50"
      >
        <svg aria-hidden="true" viewBox="0 0 20 20" className="h-4 w-4" fill="none" stroke="currentColor" strokeWidth="1.8">
          <rect x="2.5" y="5" width="15" height="10" rx="2" />
          <path d="m3 6 7 5 7-5" />
        </svg>
        Leave a message
      </button>
    );
  }
  return (
    <section aria-labelledby="leave-message-title" className="mt-2 w-full" data-testid="leave-message-panel">
      <h2 id="leave-message-title" className="text-lg font-semibold">
        Leave {first} a message
      </h2>
      {props.greeting ? (
        <div className="mt-3 rounded-xl bg-slate-50 p-3">
          <p className="mb-2 text-sm text-slate-600">{first}&apos;s greeting</p>
          {props.greeting.kind === "video" ? (
            <video
              src={props.greeting.url}
              controls
              playsInline
              className="aspect-video w-full max-w-md rounded-lg bg-slate-900"
              data-testid="greeting-player"
            />
          ) : (
            <audio src={props.greeting.url} controls className="w-full max-w-md" data-testid="greeting-player" />
          )}
        </div>
      ) : (
        <p className="mt-1 text-sm text-slate-600">
          {first} will find it in their mailbox{props.guest ? "; no account needed" : ""}.
        </p>
      )}
      <div className="mt-3">
        <Recorder
          target={{ purpose: "message", to: props.handle, toName: first, guest: props.guest, callId: props.callId }}
          maxSeconds={props.maxSeconds}
        />
      </div>
    </section>
  );
}
