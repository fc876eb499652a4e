/**
 * UUIDv7 (RFC 9562): 48 bits of Unix milliseconds, then random bits. The browser gives every
 * message one before the first try, so a retry, a reload or a second tab sending the same draft
 * names the same message; time-ordered, so ids sort roughly as they were written.
 */
export const UUID7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

export function uuid7(now = Date.now(), random: (bytes: Uint8Array) => Uint8Array = (b) => crypto.getRandomValues(b)): string {
  const b = random(new Uint8Array(16));
  let ms = now;
  for (let i = 5; i >= 0; i--) {
    b[i] = ms % 256;
    ms = Math.floor(ms / 256);
  }
  b[6] = 0x70 | (b[6]! & 0x0f);
  b[8] = 0x80 | (b[8]! & 0x3f);
  const hex = Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The milliseconds a UUIDv7 was made at. */
export function uuid7Time(id: string): number {
  return parseInt(id.replace(/-/g, "").slice(0, 12), 16);
}
