import { monitorEventLoopDelay } from "node:perf_hooks";

/**
 * How late this process's event loop runs, the delay every status change waits behind: percentiles
 * in milliseconds since the previous read (each read starts a new window).
 */
export function loopDelayWindow() {
  const h = monitorEventLoopDelay({ resolution: 5 });
  h.enable();
  return () => {
    const ms = (ns: number) => +(ns / 1e6).toFixed(1);
    const r = { p50: ms(h.percentile(50)), p99: ms(h.percentile(99)), max: ms(h.max) };
    h.reset();
    return r;
  };
}
