"use client";

import { useState } from "react";
import type { useCallMedia } from "./use-call-media";

type Media = ReturnType<typeof useCallMedia>;

const btn =
  "flex h-14 w-14 items-center justify-center rounded-full text-sm font-semibold focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-white";

/** Mute, camera, devices and hang up; every button says what it will do. */
export function CallControls({
  kind,
  media,
  onHangUp,
  hangingUp,
  cancelLabel,
}: {
  kind: "video" | "voice";
  media: Media;
  onHangUp: () => void;
  hangingUp: boolean;
  cancelLabel: string;
}) {
  const [menu, setMenu] = useState<{ kind: MediaDeviceKind; list: MediaDeviceInfo[] } | null>(null);
  const { micOn, cameraOn, connected } = media.state;
  async function openMenu(k: MediaDeviceKind) {
    setMenu(menu?.kind === k ? null : { kind: k, list: await media.devices(k) });
  }
  return (
    <div className="relative flex flex-wrap items-center justify-center gap-3 bg-slate-950/80 px-4 py-4">
      <button
        type="button"
        className={`${btn} ${micOn ? "bg-white/15 hover:bg-white/25" : "bg-white text-slate-900"}`}
        disabled={!connected}
        onClick={media.toggleMic}
        aria-pressed={!micOn}
        aria-label={micOn ? "Mute microphone" : "Unmute microphone"}
        data-testid="toggle-mic"
      >
        {micOn ? "Mute" : "Unmute"}
      </button>
      {kind === "video" && (
        <button
          type="button"
          className={`${btn} ${cameraOn ? "bg-white/15 hover:bg-white/25" : "bg-white text-slate-900"}`}
          disabled={!connected}
          onClick={media.toggleCamera}
          aria-pressed={!cameraOn}
          aria-label={cameraOn ? "Turn camera off" : "Turn camera on"}
          data-testid="toggle-camera"
        >
          {cameraOn ? "Cam off" : "Cam on"}
        </button>
      )}
      <button
        type="button"
        className={`${btn} bg-white/15 hover:bg-white/25`}
        disabled={!connected}
        onClick={() => openMenu("audioinput")}
        aria-haspopup="menu"
        aria-expanded={menu?.kind === "audioinput"}
        aria-label="Choose microphone"
      >
        Mic ▾
      </button>
      {kind === "video" && (
        <button
          type="button"
          className={`${btn} bg-white/15 hover:bg-white/25`}
          disabled={!connected}
          onClick={() => openMenu("videoinput")}
          aria-haspopup="menu"
          aria-expanded={menu?.kind === "videoinput"}
          aria-label="Choose camera"
        >
          Cam ▾
        </button>
      )}
      <button
        type="button"
        className={`${btn} w-auto bg-rose-600 px-6 hover:bg-rose-700`}
        onClick={onHangUp}
        disabled={hangingUp}
        data-testid="hang-up"
      >
        {cancelLabel}
      </button>
      {menu && (
        <ul role="menu" className="absolute bottom-20 z-10 w-72 rounded-xl bg-white p-1 text-slate-900 shadow-xl">
          {menu.list.length === 0 && <li className="px-3 py-2 text-sm text-slate-600">No other device found.</li>}
          {menu.list.map((d, i) => (
            <li key={d.deviceId} role="none">
              <button
                type="button"
                role="menuitem"
                className="w-full rounded-lg px-3 py-2 text-left text-sm hover:bg-slate-100"
                onClick={() => void media.switchDevice(menu.kind, d.deviceId).then(() => setMenu(null))}
              >
                {d.label || `${menu.kind === "videoinput" ? "Camera" : "Microphone"} ${i + 1}`}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
