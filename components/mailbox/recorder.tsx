"use client";

import { useEffect, useRef, useState } from "react";
import { type UploadStart, UploadError, uploadRecording } from "@/lib/mailbox/upload-client";

type Kind = "video" | "voice";
type Phase = "setup" | "recording" | "review" | "sending" | "sent";

/** The first container this browser records: WebM in Chromium and Firefox, MP4 in Safari. */
function pickMime(kind: Kind): string {
  const options =
    kind === "video"
      ? ["video/webm;codecs=vp8,opus", "video/webm", "video/mp4"]
      : ["audio/webm;codecs=opus", "audio/webm", "audio/mp4", "audio/ogg"];
  return options.find((t) => typeof MediaRecorder !== "undefined" && MediaRecorder.isTypeSupported(t)) ?? "";
}

/**
 * MediaRecorder's WebM states no duration, so the review player would show 0:00 and could not seek
 * (the server fixes the file itself on arrival). Seeking far ahead makes the browser find the end.
 */
function revealDuration(e: React.SyntheticEvent<HTMLMediaElement>) {
  const m = e.currentTarget;
  if (Number.isFinite(m.duration)) return;
  m.addEventListener("durationchange", () => (m.currentTime = 0), { once: true });
  m.currentTime = Number.MAX_SAFE_INTEGER;
}

const clock = (s: number) => `${Math.floor(s / 60)}:${String(Math.floor(s % 60)).padStart(2, "0")}`;

export type RecorderTarget =
  | { purpose: "message"; to: string; toName: string; guest: boolean; callId?: string }
  | { purpose: "greeting"; slot: "standard" | "temporary"; endsAt?: string };

/**
 * Records a video or voice message (or greeting) in the browser: see yourself, record with the time
 * left counting down, review, re-record or send; the upload shows its progress and resumes by itself.
 */
export function Recorder({ target, maxSeconds, onSent }: { target: RecorderTarget; maxSeconds: number; onSent?: (id: string) => void }) {
  const [kind, setKind] = useState<Kind>("video");
  const [phase, setPhase] = useState<Phase>("setup");
  const [error, setError] = useState<{ message: string; field?: string } | null>(null);
  const [elapsed, setElapsed] = useState(0);
  const [blob, setBlob] = useState<Blob | null>(null);
  const [progress, setProgress] = useState(0);
  const [retrying, setRetrying] = useState(false);
  const [guestName, setGuestName] = useState("");
  const [guestEmail, setGuestEmail] = useState("");
  const [ready, setReady] = useState(false);
  const stream = useRef<MediaStream | null>(null);
  const recorder = useRef<MediaRecorder | null>(null);
  const live = useRef<HTMLVideoElement>(null);
  const startedAt = useRef(0);
  const reviewUrl = useRef<string | null>(null);

  // The camera (or microphone) is on while setting up and recording, and off otherwise.
  useEffect(() => {
    if (phase !== "setup" && phase !== "recording") return;
    if (phase === "recording" && stream.current) return;
    let cancelled = false;
    setReady(false);
    navigator.mediaDevices
      ?.getUserMedia(kind === "video" ? { video: { width: 640, height: 480 }, audio: true } : { audio: true })
      .then((s) => {
        if (cancelled) return s.getTracks().forEach((t) => t.stop());
        stream.current?.getTracks().forEach((t) => t.stop());
        stream.current = s;
        if (live.current) live.current.srcObject = s;
        setError(null);
        setReady(true);
      })
      .catch(() => setError({ message: `Allow the ${kind === "video" ? "camera and microphone" : "microphone"} to record a message.` }));
    return () => {
      cancelled = true;
    };
  }, [kind, phase]);

  useEffect(
    () => () => {
      stream.current?.getTracks().forEach((t) => t.stop());
      if (reviewUrl.current) URL.revokeObjectURL(reviewUrl.current);
    },
    [],
  );

  useEffect(() => {
    if (phase !== "recording") return;
    const t = setInterval(() => {
      const s = (Date.now() - startedAt.current) / 1000;
      setElapsed(s);
      if (s >= maxSeconds) recorder.current?.stop();
    }, 200);
    return () => clearInterval(t);
  }, [phase, maxSeconds]);

  function start() {
    if (!stream.current) return;
    const mimeType = pickMime(kind);
    const chunks: Blob[] = [];
    const rec = new MediaRecorder(stream.current, mimeType ? { mimeType } : undefined);
    rec.ondataavailable = (e) => e.data.size && chunks.push(e.data);
    rec.onstop = () => {
      const b = new Blob(chunks, { type: rec.mimeType || mimeType });
      stream.current?.getTracks().forEach((t) => t.stop());
      stream.current = null;
      if (reviewUrl.current) URL.revokeObjectURL(reviewUrl.current);
      reviewUrl.current = URL.createObjectURL(b);
      setBlob(b);
      setPhase("review");
    };
    recorder.current = rec;
    startedAt.current = Date.now();
    setElapsed(0);
    rec.start(1000);
    setPhase("recording");
  }

  async function send() {
    if (!blob) return;
    if (target.purpose === "message" && target.guest && !guestName.trim()) {
      setError({ message: "Please give your name, so they know who called.", field: "guestName" });
      return;
    }
    setError(null);
    setPhase("sending");
    setProgress(0);
    const start: UploadStart =
      target.purpose === "message"
        ? {
            purpose: "message",
            to: target.to,
            kind,
            callId: target.callId,
            ...(target.guest ? { guestName: guestName.trim(), guestEmail: guestEmail.trim() || undefined } : {}),
          }
        : { purpose: "greeting", kind, slot: target.slot, endsAt: target.endsAt };
    try {
      const { id } = await uploadRecording(blob, start, {
        onProgress: (sent, total) => {
          setRetrying(false);
          setProgress(total ? sent / total : 1);
        },
        onRetry: () => setRetrying(true),
      });
      setPhase("sent");
      onSent?.(id);
    } catch (err) {
      const e = err instanceof UploadError ? err : new UploadError("The message could not be sent; try again.", "NETWORK");
      setError({ message: e.message, field: e.field });
      setPhase("review");
    }
  }

  function reRecord() {
    setBlob(null);
    setError(null);
    setPhase("setup");
  }

  const remaining = Math.max(0, maxSeconds - elapsed);
  const noun = target.purpose === "greeting" ? "greeting" : "message";

  if (phase === "sent") {
    return (
      <div role="status" className="rounded-2xl border border-emerald-300 bg-emerald-50 p-5 text-emerald-900" data-testid="message-sent">
        {target.purpose === "message"
          ? `Your message is in ${target.toName}'s mailbox.`
          : "Your greeting is saved: callers see it before they record."}
      </div>
    );
  }

  return (
    <div className="rounded-2xl border border-slate-200 bg-white p-4 shadow-sm sm:p-5" data-testid="recorder">
      {phase === "setup" && (
        <fieldset className="mb-3 flex flex-wrap gap-2">
          <legend className="sr-only">Kind of {noun}</legend>
          {(["video", "voice"] as const).map((k) => (
            <label
              key={k}
              className={`cursor-pointer rounded-full border px-4 py-2 text-sm font-medium ${kind === k ? "border-brand-600 bg-brand-50 text-brand-800" : "border-slate-300 text-slate-700"}`}
            >
              <input type="radio" name="recorder-kind" value={k} checked={kind === k} onChange={() => setKind(k)} className="sr-only" />
              {k === "video" ? "Video" : "Voice only"}
            </label>
          ))}
        </fieldset>
      )}

      {(phase === "setup" || phase === "recording") && (
        <div className="relative overflow-hidden rounded-xl bg-slate-900">
          {kind === "video" ? (
            <video
              ref={live}
              autoPlay
              playsInline
              muted
              aria-label="Your camera"
              className="aspect-video w-full -scale-x-100 object-cover"
              data-testid="recorder-preview"
            />
          ) : (
            <div className="flex aspect-[3/1] items-center justify-center text-slate-200" data-testid="recorder-preview">
              <span
                aria-hidden="true"
                className={`mr-2 inline-block h-3 w-3 rounded-full ${phase === "recording" ? "motion-safe:animate-pulse bg-rose-500" : "bg-slate-500"}`}
              />
              {phase === "recording" ? "Recording your voice…" : "Microphone ready"}
            </div>
          )}
          {phase === "recording" && (
            <p
              className="tabular absolute left-3 top-3 rounded-full bg-rose-600 px-3 py-1 text-sm font-semibold text-white"
              role="timer"
              aria-live="off"
              data-testid="record-countdown"
            >
              ● {clock(remaining)} left
            </p>
          )}
        </div>
      )}

      {(phase === "review" || phase === "sending") &&
        blob &&
        reviewUrl.current &&
        (kind === "video" ? (
          <video
            src={reviewUrl.current}
            controls
            playsInline
            onLoadedMetadata={revealDuration}
            className="aspect-video w-full rounded-xl bg-slate-900"
            data-testid="review-player"
            aria-label={`Your ${noun}`}
          />
        ) : (
          <audio
            src={reviewUrl.current}
            controls
            onLoadedMetadata={revealDuration}
            className="w-full"
            data-testid="review-player"
            aria-label={`Your ${noun}`}
          />
        ))}

      {target.purpose === "message" && target.guest && (phase === "review" || phase === "sending") && (
        <div className="mt-4 grid gap-3 sm:grid-cols-2">
          <label className="text-sm font-medium text-slate-800">
            Your name
            <input
              value={guestName}
              onChange={(e) => setGuestName(e.target.value)}
              maxLength={80}
              required
              autoComplete="name"
              data-testid="guest-name"
              aria-invalid={error?.field === "guestName"}
              aria-describedby={error?.field === "guestName" ? "recorder-error" : undefined}
              className="mt-1 block w-full rounded-lg border border-slate-300 px-3 py-2 text-base font-normal"
            />
          </label>
          <label className="text-sm font-medium text-slate-800">
            Email for a reply <span className="font-normal text-slate-500">(optional)</span>
            <input
              type="email"
              value={guestEmail}
              onChange={(e) => setGuestEmail(e.target.value)}
              maxLength={200}
              autoComplete="email"
              data-testid="guest-email"
              className="mt-1 block w-full rounded-lg border border-slate-300 px-3 py-2 text-base font-normal"
            />
          </label>
        </div>
      )}

      {phase === "sending" && (
        <div className="mt-4">
          <progress
            value={progress}
            max={1}
            className="h-2 w-full overflow-hidden rounded-full accent-brand-600"
            aria-label={`Sending your ${noun}`}
            data-testid="upload-progress"
          />
          <p className="mt-1 text-sm text-slate-600" role="status">
            {retrying ? "Connection lost: will carry on from where it stopped…" : `Sending… ${Math.round(progress * 100)}%`}
          </p>
        </div>
      )}

      {error && (
        <p
          id="recorder-error"
          role="alert"
          className="mt-3 rounded-lg bg-rose-50 px-3 py-2 text-sm text-rose-800"
          data-testid="recorder-error"
        >
          {error.message}
        </p>
      )}

      <div className="mt-4 flex flex-wrap items-center gap-3">
        {phase === "setup" && (
          <button
            type="button"
            onClick={start}
            disabled={!ready}
            className="rounded-full bg-rose-600 px-5 py-2.5 font-semibold text-white hover:bg-rose-700 disabled:opacity-50"
            data-testid="record-start"
          >
            Record (up to {clock(maxSeconds)})
          </button>
        )}
        {phase === "recording" && (
          <button
            type="button"
            onClick={() => recorder.current?.stop()}
            disabled={elapsed < 1}
            className="rounded-full bg-slate-900 px-5 py-2.5 font-semibold text-white disabled:opacity-50"
            data-testid="record-stop"
          >
            Stop
          </button>
        )}
        {phase === "review" && (
          <>
            <button
              type="button"
              onClick={send}
              className="rounded-full bg-brand-600 px-5 py-2.5 font-semibold text-white hover:bg-brand-700"
              data-testid="send-message"
            >
              {target.purpose === "greeting" ? "Save greeting" : "Send message"}
            </button>
            <button
              type="button"
              onClick={reRecord}
              className="rounded-full border border-slate-300 px-5 py-2.5 font-medium text-slate-800 hover:bg-slate-50"
              data-testid="rerecord"
            >
              Record again
            </button>
          </>
        )}
      </div>
    </div>
  );
}
