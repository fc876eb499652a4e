"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import type { CallView } from "@/lib/calls/service";
import { ApiError, apiGet, apiSend } from "../api";
import { useConnectionState } from "../presence/presence-provider";
import { Avatar } from "../avatar";
import { deviceId } from "../presence/presence-client";
import { startRingtone } from "./ringtone";
import { useMemberEvent } from "./use-member-event";

type Ring = {
  callId: string;
  kind: "video" | "voice";
  ringUntil: string;
  caller: CallView["other"];
  meantFor?: { handle: string; displayName: string };
};

/**
 * Rings on every device the member has open. The first device to accept takes
 * the call; the others stop when the call's state reaches them.
 */
export function IncomingCall() {
  const router = useRouter();
  const [ring, setRing] = useState<Ring | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const acceptRef = useRef<HTMLButtonElement>(null);

  // Events reach connected pages; a page that (re)connects mid-ring asks whether something is ringing.
  const connection = useConnectionState();
  useEffect(() => {
    if (!connection.startsWith("connected")) return;
    const ctl = new AbortController();
    apiGet<{ ring: Ring | null }>(`/api/calls/incoming?device=${encodeURIComponent(deviceId())}`, ctl.signal)
      .then(({ ring: r }) => r && !finished.current.has(r.callId) && setRing((cur) => cur ?? r))
      .catch(() => {});
    return () => ctl.abort();
  }, [connection]);

  // A page that connects receives the last two minutes of events at once (catch-up), so a ring can
  // arrive together with the news that its call is over: remember finished calls, never show them.
  const finished = useRef(new Set<string>());
  useMemberEvent("call-ring", (r) => {
    if (finished.current.has(r.callId) || new Date(r.ringUntil).getTime() <= Date.now()) return;
    setError(null);
    setRing(r);
  });
  useMemberEvent("call", (c) => {
    if (c.status === "ringing") return;
    finished.current.add(c.id);
    setRing((cur) => (cur?.callId === c.id ? null : cur));
  });

  useEffect(() => {
    if (!ring) return;
    const stop = startRingtone();
    acceptRef.current?.focus();
    const left = new Date(ring.ringUntil).getTime() - Date.now();
    const timer = setTimeout(() => setRing(null), Math.max(0, left));
    return () => {
      stop();
      clearTimeout(timer);
    };
  }, [ring]);

  if (!ring) return null;

  async function act(action: "accept" | "decline") {
    if (!ring) return;
    setBusy(true);
    try {
      await apiSend("POST", `/api/calls/${ring.callId}/${action}`, { deviceId: deviceId() });
      const id = ring.callId;
      setRing(null);
      if (action === "accept") router.push(`/call/${id}`);
    } catch (err) {
      setError(err instanceof ApiError ? err.message : "Something went wrong; try again.");
      if (err instanceof ApiError && err.status === 409) setTimeout(() => setRing(null), 2500);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="fixed inset-0 z-50 flex items-end justify-center bg-slate-900/50 p-4 sm:items-center">
      <div
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="ring-title"
        aria-describedby="ring-desc"
        data-testid="incoming-call"
        className="w-full max-w-sm rounded-2xl bg-white p-6 text-center shadow-2xl"
      >
        <div className="mx-auto mb-4 w-fit motion-safe:animate-pulse rounded-full ring-4 ring-brand-200">
          <Avatar name={ring.caller.displayName} photoUrl={ring.caller.photoUrl} size={88} />
        </div>
        <h2 id="ring-title" className="text-xl font-semibold text-slate-900">
          {ring.caller.displayName}
        </h2>
        <p className="tabular text-slate-600">{ring.caller.formattedNumber}</p>
        <p id="ring-desc" className="mt-1 text-sm text-slate-600">
          Incoming {ring.kind === "video" ? "video" : "voice"} call…
        </p>
        {ring.meantFor && (
          <p className="mt-2 rounded-lg bg-amber-50 px-3 py-1.5 text-sm font-medium text-amber-900" data-testid="ring-meant-for">
            {ring.meantFor.displayName}&apos;s call, forwarded
          </p>
        )}
        {error && (
          <p role="alert" className="mt-3 rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-900">
            {error}
          </p>
        )}
        <div className="mt-6 flex justify-center gap-4">
          <button
            type="button"
            disabled={busy}
            onClick={() => act("decline")}
            className="min-w-28 rounded-full bg-rose-600 px-5 py-3 font-semibold text-white hover:bg-rose-700 disabled:opacity-60"
          >
            Decline
          </button>
          <button
            ref={acceptRef}
            type="button"
            disabled={busy}
            onClick={() => act("accept")}
            className="min-w-28 rounded-full bg-emerald-600 px-5 py-3 font-semibold text-white hover:bg-emerald-700 disabled:opacity-60"
          >
            Accept
          </button>
        </div>
      </div>
    </div>
  );
}
