"use client";

import { useQueryClient } from "@tanstack/react-query";
import type { PrefetchKind } from "next/dist/client/components/router-reducer/router-reducer-types";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import type { CallView } from "@/lib/calls/service";
import { ApiError, apiGet, apiSend } from "../api";
import { useConnectionState } from "../presence/presence-provider";
import { Avatar } from "../avatar";
import { deviceId } from "../presence/presence-client";
import { preloadRingtone, startRingtone } from "./ringtone";
import { answered, answering, stopWaiting, tabId, waitInRoom, waitingCamera } from "./waiting-room";
import { useMemberEvent } from "./use-member-event";
import { NumberDisplay } from "@/components/number-display";

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
  const qc = useQueryClient();
  const [ring, setRing] = useState<Ring | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  /** Accept pressed: the dialog gives way to the call page while the server answers. */
  const [answeringId, setAnsweringId] = useState<string | null>(null);
  /** This page waits in the call's room (answering will be instant). */
  const [inRoom, setInRoom] = useState(false);
  const acceptRef = useRef<HTMLButtonElement>(null);
  useEffect(preloadRingtone, []);

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

  // While it rings, this page joins the call's room and starts its camera, so that answering is instant.
  useEffect(() => {
    if (!ring) return;
    let gone = false;
    setInRoom(false);
    void waitInRoom(ring.callId, ring.kind === "video").ready.then((ok) => !gone && setInRoom(ok));
    // The call page holds nothing of the call (it is read in the browser), so all of it can be fetched now.
    router.prefetch(`/call/${ring.callId}`, { kind: "full" as PrefetchKind });
    return () => {
      gone = true;
      stopWaiting(ring.callId);
    };
  }, [ring?.callId]); // eslint-disable-line react-hooks/exhaustive-deps -- one room per call, whatever else the ring's details say

  useEffect(() => {
    if (!ring || answeringId === ring.callId) return;
    const left = new Date(ring.ringUntil).getTime() - Date.now();
    const timer = setTimeout(() => setRing(null), Math.max(0, left));
    return () => clearTimeout(timer);
  }, [ring, answeringId]);

  // A failed answer shows why, without ringing again.
  const ringing = !!ring && answeringId !== ring.callId && !error;
  useEffect(() => {
    if (!ringing) return;
    acceptRef.current?.focus();
    return startRingtone();
  }, [ringing]);

  if (!ring || answeringId === ring.callId) return null;

  async function act(action: "accept" | "decline") {
    if (!ring) return;
    const id = ring.callId;
    setBusy(true);
    let back: string | null = null;
    if (action === "accept") {
      // The call page opens at once, on the room this page joined while it rang; the server's answer follows.
      answering(id);
      if (!qc.getQueryData(["call", id])) qc.setQueryData(["call", id], ringingView(ring));
      back = `${location.pathname}${location.search}`;
      setAnsweringId(id);
      router.push(`/call/${id}`);
    }
    try {
      const { inRoom, ...view } = await apiSend<CallView & { inRoom?: boolean }>("POST", `/api/calls/${id}/${action}`, {
        deviceId: deviceId(),
        tab: tabId,
      });
      if (action === "accept") {
        answered(id, inRoom ? "in" : "out");
        // A read of the call started when its page opened must not land after this answer.
        await qc.cancelQueries({ queryKey: ["call", id] });
        qc.setQueryData(["call", id], view);
      }
      setRing(null);
    } catch (err) {
      if (action === "accept") {
        answered(id, "failed");
        if (back && location.pathname === `/call/${id}`) router.replace(back);
        setAnsweringId(null);
      }
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
        data-room={inRoom ? "waiting" : "connecting"}
        className="w-full max-w-sm rounded-2xl bg-white p-6 text-center shadow-2xl"
      >
        <div className="mx-auto mb-4 w-fit motion-safe:animate-pulse rounded-full ring-4 ring-brand-200">
          <Avatar name={ring.caller.displayName} photoUrl={ring.caller.photoUrl} size={88} />
        </div>
        <h2 id="ring-title" className="text-xl font-semibold text-slate-900">
          {ring.caller.displayName}
        </h2>
        <p className="text-slate-600">
          {ring.caller.formattedNumber && <NumberDisplay spelled={ring.caller.formattedNumber} className="" />}
        </p>
        {ring.kind === "video" && !error && <CameraPreview callId={ring.callId} />}
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
            className="min-w-28 rounded-full bg-emerald-700 px-5 py-3 font-semibold text-white hover:bg-emerald-800 disabled:opacity-60"
          >
            Accept
          </button>
        </div>
      </div>
    </div>
  );
}

/** The call as the ring told it, for the call page to show before the server's answer arrives. */
function ringingView(ring: Ring): CallView {
  return {
    id: ring.callId,
    kind: ring.kind,
    status: "ringing",
    outcome: null,
    outcomeText: null,
    role: "callee",
    ringUntil: ring.ringUntil,
    answeredAt: null,
    endedAt: null,
    other: ring.caller,
    meantFor: ring.meantFor ?? null,
    note: null,
  };
}

/** The caller will see this once the call is answered: the camera, started while it rings. */
function CameraPreview({ callId }: { callId: string }) {
  const el = useRef<HTMLVideoElement>(null);
  const [on, setOn] = useState(false);
  useEffect(() => {
    let gone = false;
    const video = el.current;
    const cam = waitingCamera(waitInRoom(callId, true));
    void cam.then((c) => {
      if (gone || !c || !video) return;
      c.attach(video);
      setOn(true);
    });
    return () => {
      gone = true;
      void cam.then((c) => video && c?.detach(video));
    };
  }, [callId]);
  return (
    <div className="relative mx-auto mt-4 aspect-video w-40 overflow-hidden rounded-xl bg-slate-800">
      <video
        ref={el}
        data-testid="ring-preview"
        autoPlay
        playsInline
        muted
        aria-label="Your camera, as the caller will see it"
        className={`h-full w-full object-cover ${on ? "" : "invisible"}`}
      />
      {!on && <p className="absolute inset-0 flex items-center justify-center text-xs text-slate-200">Starting your camera…</p>}
    </div>
  );
}
