import type { Redis } from "ioredis";

/**
 * ioredis reconnects by itself; without a listener every failed attempt prints "Unhandled error
 * event". One line per outage instead, and one when it is back.
 */
export function quiet(r: Redis): Redis {
  let down = false;
  r.on("error", (err: Error) => {
    if (down) return;
    down = true;
    console.warn(`redis: ${err.message}; reconnecting`);
  });
  r.on("ready", () => {
    if (down) console.warn("redis: connected again");
    down = false;
  });
  return r;
}
