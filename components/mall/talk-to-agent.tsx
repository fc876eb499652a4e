"use client";

import { useState } from "react";
import type { Availability } from "@/lib/mall/catalogue";
import { LeaveMessage } from "../mailbox/leave-message";

/**
 * "Talk to a sales agent". With nobody online the shopper leaves the shop a video message (it lands
 * in the owner's mailbox) instead. Live calls to agents arrive with the agent console.
 */
export function TalkToAgent(props: { merchant: string; ownerHandle: string | null; availability: Availability; guest: boolean; maxSeconds: number }) {
  const [open, setOpen] = useState(false);
  if (!open) {
    return (
      <button type="button" onClick={() => setOpen(true)} data-testid="talk-to-agent"
        className="inline-flex items-center gap-2 rounded-full bg-emerald-600 px-5 py-2.5 font-semibold text-white shadow-sm hover:bg-emerald-700">
        <svg aria-hidden="true" viewBox="0 0 20 20" className="h-5 w-5" fill="currentColor"><path d="M2 6a2 2 0 0 1 2-2h7a2 2 0 0 1 2 2v8a2 2 0 0 1-2 2H4a2 2 0 0 1-2-2V6Zm12.5 1.8 3-2A.5.5 0 0 1 18 6.2v7.6a.5.5 0 0 1-.8.4l-3-2V7.8Z" /></svg>
        Talk to a sales agent
      </button>
    );
  }
  return (
    <div className="w-full rounded-2xl border border-slate-200 bg-white p-4" data-testid="agent-panel" data-state={props.availability.state}>
      <p role="status" className="font-medium">
        {props.availability.state === "busy" ? "Every agent is with another shopper right now." : "No sales agent is online right now."}
      </p>
      {props.ownerHandle ? (
        <>
          <p className="mt-1 text-sm text-slate-600">Leave {props.merchant} a video message and they will get back to you.</p>
          <div className="mt-3">
            <LeaveMessage handle={props.ownerHandle} name={props.merchant} business guest={props.guest} open greeting={null} maxSeconds={props.maxSeconds} />
          </div>
        </>
      ) : (
        <p className="mt-1 text-sm text-slate-600">Please come back later.</p>
      )}
    </div>
  );
}
