"use client";

import Link from "next/link";
import { useState } from "react";
import type { MerchantBrief } from "@/lib/mall/views";
import { ApiError, apiSend } from "../api";
import { LeaveMessage } from "../mailbox/leave-message";

/**
 * Instead of waiting: a video message to the shop's mailbox (it reaches the owner), and for a
 * registered shopper a request to be called back when an agent is free.
 */
export function MessageOffer({
  merchant,
  signedIn,
  maxSeconds,
  reason,
  onChoose,
}: {
  merchant: MerchantBrief;
  signedIn: boolean;
  maxSeconds: number;
  reason: string | null;
  onChoose?: () => void;
}) {
  const [open, setOpen] = useState(!onChoose);
  const [callback, setCallback] = useState<"idle" | "sending" | "asked" | string>("idle");
  if (!merchant.ownerHandle) return null;
  async function askCallback() {
    setCallback("sending");
    try {
      await apiSend("POST", "/api/mall/callbacks", { merchant: merchant.slug });
      setCallback("asked");
    } catch (err) {
      setCallback(err instanceof ApiError ? err.message : "That did not go through; try again.");
    }
  }
  return (
    <div className="rounded-2xl border border-slate-200 bg-slate-50 p-4" data-testid="message-offer">
      <p className="font-medium">
        {reason ? `${reason} ` : ""}Leave {merchant.name} a video message instead?
      </p>
      {!open ? (
        <button
          type="button"
          onClick={() => {
            setOpen(true);
            onChoose?.();
          }}
          data-testid="choose-message"
          className="mt-2 rounded-lg bg-brand-600 px-4 py-2 font-semibold text-white hover:bg-brand-700"
        >
          Leave a video message
        </button>
      ) : (
        <>
          <div className="mt-3">
            <LeaveMessage
              handle={merchant.ownerHandle}
              name={merchant.name}
              business
              guest={!signedIn}
              open
              greeting={null}
              maxSeconds={maxSeconds}
            />
          </div>
          <div className="mt-3 text-sm">
            {signedIn ? (
              callback === "asked" ? (
                <p role="status" className="text-emerald-800" data-testid="callback-asked">
                  Done: the next free agent will call you back here in the portal.
                </p>
              ) : (
                <>
                  <button
                    type="button"
                    onClick={() => void askCallback()}
                    disabled={callback === "sending"}
                    data-testid="ask-callback"
                    className="rounded-lg border border-slate-300 bg-white px-3 py-1.5 font-medium hover:bg-slate-100"
                  >
                    Also ask to be called back
                  </button>
                  {callback !== "idle" && callback !== "sending" && (
                    <p role="alert" className="mt-1 text-rose-700">
                      {callback}
                    </p>
                  )}
                </>
              )
            ) : (
              <p className="text-slate-600">
                <Link href="/signin" className="underline">
                  Sign in
                </Link>{" "}
                to ask for a call back.
              </p>
            )}
          </div>
        </>
      )}
    </div>
  );
}
