"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { MemberEventMap } from "@/lib/presence/events";
import { CallButton } from "../calls/call-button";
import { useMemberEvent } from "../calls/use-member-event";
import { contactKeys } from "./use-book";

type Notice = MemberEventMap["available"];

/** "Anna is available now", with a Call button: the answer to "tell me when available", live. */
export function AvailableNotice() {
  const qc = useQueryClient();
  const [notices, setNotices] = useState<Notice[]>([]);
  useMemberEvent("available", (n) => {
    void qc.invalidateQueries({ queryKey: contactKeys.watches });
    setNotices((list) => [...list.filter((x) => x.askId !== n.askId), n].slice(-3));
  });
  // An ask made or cancelled on another device.
  useMemberEvent("asks", () => void qc.invalidateQueries({ queryKey: contactKeys.watches }));
  // The live region is always there, so screen readers announce what is added to it.
  return (
    <div className="fixed bottom-4 right-4 z-40 flex w-[min(22rem,calc(100vw-2rem))] flex-col gap-2" role="status" aria-live="polite">
      {notices.map((n) => (
        <div
          key={n.askId}
          className="flex items-center gap-3 rounded-xl border border-emerald-200 bg-white p-3 shadow-lg"
          data-testid="available-notice"
        >
          <p className="min-w-0 flex-1 text-sm">
            <span className="font-semibold">{n.displayName}</span> is available now.
          </p>
          <CallButton handle={n.handle} name={n.displayName} kind="video" compact />
          <button
            type="button"
            onClick={() => setNotices((list) => list.filter((x) => x.askId !== n.askId))}
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
