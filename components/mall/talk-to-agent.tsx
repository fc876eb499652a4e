"use client";

import { usePathname, useRouter } from "next/navigation";
import { useState } from "react";
import type { Availability } from "@/lib/mall/catalogue";
import type { ShopperView } from "@/lib/mall/views";
import { ApiError, apiSend } from "../api";
import { MessageOffer } from "./message-offer";

/**
 * "Talk to a sales agent": places a live video call to the shop (it rings the agent idle longest,
 * or queues). With nobody online the shopper is offered a video message to the shop instead.
 */
export function TalkToAgent(props: {
  merchant: string;
  slug: string;
  ownerHandle: string | null;
  availability: Availability;
  guest: boolean;
  maxSeconds: number;
  category: string;
}) {
  const router = useRouter();
  const path = usePathname();
  const [state, setState] = useState<"idle" | "calling" | "closed">("idle");
  const [error, setError] = useState<string | null>(null);
  async function call() {
    setState("calling");
    setError(null);
    try {
      const view = await apiSend<ShopperView>("POST", "/api/mall/calls", { merchant: props.slug, fromPath: path });
      if (view.status === "ended") return setState("closed");
      router.push(`/mall/call/${view.id}`);
    } catch (err) {
      setError(err instanceof ApiError ? err.message : "The call could not be placed; try again.");
      setState("idle");
    }
  }
  if (state !== "closed") {
    return (
      <div>
        <button
          type="button"
          onClick={() => void call()}
          disabled={state === "calling"}
          data-testid="talk-to-agent"
          className="inline-flex items-center gap-2 rounded-full bg-emerald-700 px-5 py-2.5 font-semibold text-white shadow-sm hover:bg-emerald-800 disabled:opacity-70"
        >
          <svg aria-hidden="true" viewBox="0 0 20 20" className="h-5 w-5" fill="currentColor">
            <path d="M2 6a2 2 0 0 1 2-2h7a2 2 0 0 1 2 2v8a2 2 0 0 1-2 2H4a2 2 0 0 1-2-2V6Zm12.5 1.8 3-2A.5.5 0 0 1 18 6.2v7.6a.5.5 0 0 1-.8.4l-3-2V7.8Z" />
          </svg>
          {state === "calling" ? "Calling…" : "Talk to a sales agent"}
        </button>
        {error && (
          <p role="alert" className="mt-2 text-sm text-rose-700">
            {error}
          </p>
        )}
      </div>
    );
  }
  return (
    <div className="w-full rounded-2xl border border-slate-200 bg-white p-4" data-testid="agent-panel" data-state="closed">
      <p role="status" className="font-medium">
        No sales agent is online right now.
      </p>
      {props.ownerHandle ? (
        <div className="mt-3">
          <MessageOffer
            merchant={{
              slug: props.slug,
              name: props.merchant,
              ownerHandle: props.ownerHandle,
              category: props.category,
              color: "",
              accent: "",
              mark: "",
            }}
            signedIn={!props.guest}
            maxSeconds={props.maxSeconds}
            reason={null}
          />
        </div>
      ) : (
        <p className="mt-1 text-sm text-slate-600">Please come back later.</p>
      )}
    </div>
  );
}
