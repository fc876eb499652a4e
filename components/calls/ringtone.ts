/**
 * A phone-like ring made with Web Audio (two tones, 2 s on, 4 s off), so no sound
 * file has to load before the first ring. Browsers may keep audio suspended until
 * the page has had a click; the dialog still shows.
 */
export function startRingtone(): () => void {
  let ctx: AudioContext;
  try {
    ctx = new AudioContext();
  } catch {
    return () => {};
  }
  const c = ctx;
  const gain = c.createGain();
  gain.gain.value = 0;
  gain.connect(c.destination);
  for (const f of [440, 480]) {
    const o = c.createOscillator();
    o.frequency.value = f;
    o.connect(gain);
    o.start();
  }
  const ring = () => {
    const t = c.currentTime;
    gain.gain.setValueAtTime(0.12, t);
    gain.gain.setValueAtTime(0, t + 2);
  };
  ring();
  const timer = setInterval(ring, 6000);
  return () => {
    clearInterval(timer);
    void c.close().catch(() => {});
  };
}
