"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useEffect, useState } from "react";
import type { CallView } from "@/lib/calls/service";
import { apiGet, apiSend } from "../api";
import { Avatar } from "../avatar";
import { CallButton } from "./call-button";
import { CallbackRequest } from "./callback-request";
import { CallControls } from "./call-controls";
import { useCallMedia } from "./use-call-media";
import { answeringHere } from "./waiting-room";
import { useMemberEvent } from "./use-member-event";
import { AddContactButton } from "../contacts/add-contact-button";
import { NumberDisplay } from "@/components/number-display";

function useElapsed(since: string | null): string {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!since) return;
    const t = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(t);
  }, [since]);
  if (!since) return "0:00";
  const s = Math.max(0, Math.floor((now - new Date(since).getTime()) / 1000));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
}

/** One call, from ringing through the conversation to its outcome. */
export function CallScreen({ initial }: { initial: CallView }) {
  const qc = useQueryClient();
  const key = ["call", initial.id];
  const { data: call = initial } = useQuery({
    queryKey: key,
    queryFn: ({ signal }) => apiGet<CallView>(`/api/calls/${initial.id}`, signal),
    initialData: initial,
    // The presence server pushes every change; polling only covers a dropped connection.
    refetchInterval: (q) => (q.state.data?.status === "ended" ? false : 5000),
  });
  useMemberEvent("call", (c) => {
    if (c.id === initial.id) qc.setQueryData(key, c);
  });

  const live = call.status !== "ended";
  // The callee's page joins once the call is connected, or at once when Accept was pressed here (its room waited while it rang).
  const join = live && (call.role === "caller" || call.status === "connected" || answeringHere(call.id));
  const media = useCallMedia({
    callId: call.id,
    join,
    video: call.kind === "video",
    otherName: call.other.displayName,
  });
  const elapsed = useElapsed(call.status === "connected" ? call.answeredAt : null);
  const [hangingUp, setHangingUp] = useState(false);

  async function hangUp() {
    setHangingUp(true);
    try {
      qc.setQueryData(key, await apiSend<CallView>("POST", `/api/calls/${call.id}/hangup`, {}));
    } finally {
      await media.leave();
      setHangingUp(false);
    }
  }

  if (call.status === "ended") return <CallEnded call={call} />;

  const ringing = call.status === "ringing";
  return (
    <section
      aria-label={`Call with ${call.other.displayName}`}
      data-testid="call-screen"
      data-status={call.status}
      className="relative mx-auto flex h-[calc(100dvh-9rem)] min-h-[28rem] max-w-4xl flex-col overflow-hidden rounded-3xl bg-slate-900 text-white shadow-xl"
    >
      <div className="relative flex-1">
        {/* The other party: video when they send it, their photo otherwise. */}
        <video
          ref={media.remoteVideoEl}
          data-testid="remote-video"
          autoPlay
          playsInline
          className={`absolute inset-0 h-full w-full object-cover ${media.state.remoteVideo ? "" : "invisible"}`}
        />
        <audio ref={media.remoteAudioEl} data-testid="remote-audio" autoPlay />
        {!media.state.remoteVideo && (
          <div className="absolute inset-0 flex flex-col items-center justify-center gap-3 p-6 text-center">
            <div className={ringing ? "motion-safe:animate-pulse rounded-full ring-8 ring-white/10" : "rounded-full"}>
              <Avatar name={call.other.displayName} photoUrl={call.other.photoUrl} size={120} />
            </div>
            <h1 className="text-2xl font-semibold">{call.other.displayName}</h1>
            <p className="text-slate-300">
              {call.other.formattedNumber && <NumberDisplay spelled={call.other.formattedNumber} className="" accent={false} />}
            </p>
            <p role="status" className="text-slate-200" data-testid="call-phase">
              {ringing ? (call.role === "caller" ? "Ringing…" : "Connecting…") : call.kind === "voice" ? "Voice call" : "Connected"}
            </p>
          </div>
        )}
        {call.kind === "video" && (
          <video
            ref={media.localVideoEl}
            data-testid="local-video"
            autoPlay
            playsInline
            muted
            aria-label="Your camera"
            className={`absolute bottom-4 right-4 aspect-video w-32 rounded-xl border-2 border-white/70 bg-slate-800 object-cover shadow-lg sm:w-48 ${media.state.cameraOn ? "" : "opacity-30"}`}
          />
        )}
        <div className="absolute left-4 top-4 flex flex-col gap-2">
          {call.meantFor && <ForwardedLine call={call} />}
          {!ringing && (
            <span
              className="tabular w-fit rounded-full bg-black/50 px-3 py-1 text-sm"
              data-testid="call-timer"
              role="timer"
              aria-label={`Call time ${elapsed}`}
            >
              {elapsed}
            </span>
          )}
          {media.state.notice && (
            <p role="status" className="rounded-lg bg-amber-400 px-3 py-1 text-sm font-medium text-slate-900" data-testid="call-notice">
              {media.state.notice}
            </p>
          )}
          {media.state.error && (
            <p role="alert" className="rounded-lg bg-rose-600 px-3 py-1 text-sm">
              {media.state.error}
            </p>
          )}
        </div>
      </div>
      <CallControls
        kind={call.kind}
        media={media}
        onHangUp={hangUp}
        hangingUp={hangingUp}
        cancelLabel={ringing && call.role === "caller" ? "Cancel call" : "Hang up"}
      />
    </section>
  );
}

/** Who a forwarded call was meant for, in the words of each side. */
function ForwardedText({ call }: { call: CallView }) {
  const meant = call.meantFor?.displayName ?? "";
  return <>{call.role === "callee" ? `${meant}'s call, forwarded` : `${meant} forwarded your call to ${call.other.displayName}`}</>;
}

function ForwardedLine({ call }: { call: CallView }) {
  return (
    <p className="w-fit rounded-full bg-black/60 px-3 py-1 text-sm text-white" data-testid="call-forwarded">
      <ForwardedText call={call} />
    </p>
  );
}

const REASON_HELP: Record<string, string> = {
  missed: "They did not answer in time.",
  declined: "They could not take the call right now.",
  busy: "They are in another call.",
  unavailable: "They are offline, or not taking calls right now.",
  canceled: "The call was canceled before it was answered.",
  completed: "",
};

function CallEnded({ call }: { call: CallView }) {
  const unanswered = call.role === "caller" && ["missed", "declined", "busy", "unavailable"].includes(call.outcome ?? "");
  const seconds =
    call.answeredAt && call.endedAt ? Math.round((new Date(call.endedAt).getTime() - new Date(call.answeredAt).getTime()) / 1000) : 0;
  return (
    <section
      aria-labelledby="call-ended-title"
      data-testid="call-ended"
      data-outcome={call.outcome}
      className="mx-auto max-w-md rounded-3xl border border-slate-200 bg-white p-8 text-center shadow-sm"
    >
      <div className="mx-auto w-fit">
        <Avatar name={call.other.displayName} photoUrl={call.other.photoUrl} size={88} />
      </div>
      <h1 id="call-ended-title" className="mt-4 text-xl font-semibold" data-testid="call-outcome">
        {call.outcomeText}
      </h1>
      {call.note && (
        <p className="mt-2 rounded-lg bg-slate-100 px-3 py-2 text-slate-800" data-testid="call-note">
          “{call.note}”
        </p>
      )}
      {call.meantFor && (
        <p className="mt-2 text-sm text-slate-700">
          <ForwardedText call={call} />
        </p>
      )}
      <p className="mt-1 text-slate-600">
        {call.other.displayName} · {call.other.formattedNumber && <NumberDisplay spelled={call.other.formattedNumber} className="" />}
      </p>
      {REASON_HELP[call.outcome ?? ""] && <p className="mt-3 text-slate-700">{REASON_HELP[call.outcome ?? ""]}</p>}
      {call.outcome === "completed" && (
        <p className="tabular mt-3 text-slate-700">
          Talked for {Math.floor(seconds / 60)} min {seconds % 60} s.
        </p>
      )}
      <div className="mt-6 flex flex-wrap justify-center gap-3">
        {unanswered && (
          <Link
            href={`/${call.other.handle}?message=1&call=${call.id}`}
            data-testid="leave-message"
            className="rounded-lg bg-brand-600 px-4 py-2 font-semibold text-white hover:bg-brand-700"
          >
            Leave a message
          </Link>
        )}
        <CallButton handle={call.other.handle} name={call.other.displayName} kind={call.kind} />
        {unanswered && <CallbackRequest callId={call.id} name={call.meantFor?.displayName ?? call.other.displayName} />}
        <AddContactButton memberId={call.other.id} handle={call.other.handle} name={call.other.displayName} />
        <Link href="/calls" className="rounded-lg px-4 py-2 font-medium text-slate-700 hover:bg-slate-100">
          Recent calls
        </Link>
      </div>
    </section>
  );
}
