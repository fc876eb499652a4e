"use client";

import { CallControls } from "../calls/call-controls";
import type { useCallMedia } from "../calls/use-call-media";

type Media = ReturnType<typeof useCallMedia>;

/** The other side's video large, one's own small in the corner, and the call's controls. */
export function CallVideo({
  media,
  otherName,
  otherLabel,
  onHangUp,
  hangingUp,
  testid,
}: {
  media: Media;
  otherName: string;
  otherLabel: string;
  onHangUp: () => void;
  hangingUp: boolean;
  testid: string;
}) {
  return (
    <section
      aria-label={`Video call with ${otherName}`}
      data-testid={testid}
      className="relative flex min-h-[20rem] flex-col overflow-hidden rounded-3xl bg-slate-900 text-white shadow-xl lg:min-h-[28rem]"
    >
      <div className="relative flex-1">
        <video
          ref={media.remoteVideoEl}
          data-testid="remote-video"
          autoPlay
          playsInline
          aria-label={`${otherName}'s camera`}
          className={`absolute inset-0 h-full w-full object-cover ${media.state.remoteVideo ? "" : "invisible"}`}
        />
        <audio ref={media.remoteAudioEl} autoPlay />
        {!media.state.remoteVideo && (
          <div className="absolute inset-0 flex flex-col items-center justify-center gap-2 p-6 text-center">
            <p className="text-lg font-semibold">{otherName}</p>
            <p className="text-sm text-slate-300" role="status">
              {media.state.connected ? `${otherLabel}'s camera is off` : "Connecting…"}
            </p>
          </div>
        )}
        <video
          ref={media.localVideoEl}
          data-testid="local-video"
          autoPlay
          playsInline
          muted
          aria-label="Your camera"
          className={`absolute bottom-3 right-3 aspect-video w-28 rounded-xl border-2 border-white/70 bg-slate-800 object-cover shadow-lg sm:w-40 ${media.state.cameraOn ? "" : "opacity-30"}`}
        />
        <div className="absolute left-3 top-3 flex flex-col gap-2">
          {media.state.notice && (
            <p role="status" className="rounded-lg bg-amber-400 px-3 py-1 text-sm font-medium text-slate-900">
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
      <CallControls kind="video" media={media} onHangUp={onHangUp} hangingUp={hangingUp} cancelLabel="Hang up" />
    </section>
  );
}
