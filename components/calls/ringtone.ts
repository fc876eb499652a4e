/**
 * The ring of an incoming call: public/sounds/ring.ogg (scripts/make-ringtone.ts), looped. One
 * element per page, loaded when a page that can ring mounts (`preloadRingtone`), so the first ring
 * needs no fetch. Browsers refuse sound until the page has been touched: then the dialog still
 * shows, and the ring starts at the first tap or key press while it rings.
 */
const SOUND = "/sounds/ring.ogg";

let element: HTMLAudioElement | null = null;
/** Rings sounding on this page: an agent's console and a personal call can ring at once, one element. */
let ringing = 0;

function ringtone(): HTMLAudioElement | null {
  if (typeof document === "undefined") return null;
  if (!element) {
    element = document.createElement("audio");
    element.src = SOUND;
    element.preload = "auto";
    element.loop = true;
    element.hidden = true;
    element.dataset.testid = "ringtone";
    document.body.append(element);
  }
  return element;
}

export function preloadRingtone(): void {
  ringtone();
}

export function startRingtone(): () => void {
  const audio = ringtone();
  if (!audio) return () => {};
  let stopped = false;
  const play = () => {
    if (!stopped && audio.paused) void audio.play().catch(() => {});
  };
  if (ringing++ === 0) audio.currentTime = 0;
  play();
  window.addEventListener("pointerdown", play);
  window.addEventListener("keydown", play);
  return () => {
    if (stopped) return;
    stopped = true;
    window.removeEventListener("pointerdown", play);
    window.removeEventListener("keydown", play);
    // The other ring goes on when one of two stops.
    if (--ringing > 0) return;
    audio.pause();
    audio.currentTime = 0;
  };
}
