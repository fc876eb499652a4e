"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { CallButton } from "../calls/call-button";
import { callbackKeys } from "../calls/use-callbacks";
import { useMemberEvent } from "../calls/use-member-event";
import { contactKeys } from "./use-book";

type Notice = { key: string; handle: string; displayName: string; text: string; testId: string };

/**
 * "Anna is available now", with a Call button: the answer to "tell me when available", live; and
 * "call me when free" offered to both sides when the member asked about is free.
 */
export function AvailableNotice() {
  const qc = useQueryClient();
  const [notices, setNotices] = useState<Notice[]>([]);
  const add = (n: Notice) => setNotices((list) => [...list.filter((x) => x.key !== n.key), n].slice(-3));
  useMemberEvent("available", (n) => {
    void qc.invalidateQueries({ queryKey: contactKeys.watches });
    add({ key: n.askId, handle: n.handle, displayName: n.displayName, text: "is available now.", testId: "available-notice" });
  });
  useMemberEvent("callback-ready", (n) => {
    void qc.invalidateQueries({ queryKey: callbackKeys.all });
    const text = n.side === "asked" ? "is free now — call?" : "asked you to call back when you were free — call now?";
    add({ key: n.id, handle: n.other.handle, displayName: n.other.displayName, text, testId: "callback-offer" });
  });
  // An ask made or cancelled on another device.
  useMemberEvent("asks", () => void qc.invalidateQueries({ queryKey: contactKeys.watches }));
  // The live region is always there, so screen readers announce what is added to it.
  return (
    <div className="fixed bottom-4 right-4 z-40 flex w-[min(22rem,calc(100vw-2rem))] flex-col gap-2" role="status" aria-live="polite">
      {notices.map((n) => (
        <div
          key={n.key}
          className="flex items-center gap-3 rounded-xl border border-emerald-200 bg-white p-3 shadow-lg"
          data-testid={n.testId}
        >
          <p className="min-w-0 flex-1 text-sm">
            <span className="font-semibold">{n.displayName}</span> {n.text}
          </p>
          <CallButton handle={n.handle} name={n.displayName} kind="video" compact />
          <button
            type="button"
            onClick={() => setNotices((list) => list.filter((x) => x.key !== n.key))}
            className="rounded-md px-2 py-1 text-sm text-slate-600 hover:bg-slate-100"
            aria-label={`Dismiss the notice about ${n.displayName}`}
          >
            ✕
          </button>
        </div>
      ))}
    </div>
  );
}
