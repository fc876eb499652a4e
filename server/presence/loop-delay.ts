import { monitorEventLoopDelay, PerformanceObserver } from "node:perf_hooks";

/**
 * How late this process's event loop runs, the delay every status change waits behind, and the
 * garbage collector's share of it: milliseconds since the previous read (each read starts a new
 * window). `note` records the longest of the node's own blocking sections (database writes).
 */
export function loopDelayWindow() {
  const h = monitorEventLoopDelay({ resolution: 5 });
  h.enable();
  let gcMax = 0;
  let gcTotal = 0;
  let slowest: { what: string; ms: number } | null = null;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      gcMax = Math.max(gcMax, e.duration);
      gcTotal += e.duration;
    }
  }).observe({ entryTypes: ["gc"] });
  const ms = (x: number) => +x.toFixed(1);
  const read = () => {
    const r = {
      p50: ms(h.percentile(50) / 1e6),
      p99: ms(h.percentile(99) / 1e6),
      max: ms(h.max / 1e6),
      gc_max: ms(gcMax),
      gc_total: ms(gcTotal),
      slowest_write: slowest && { what: slowest.what, ms: ms(slowest.ms) },
    };
    h.reset();
    gcMax = gcTotal = 0;
    slowest = null;
    return r;
  };
  const note = (what: string, took: number) => {
    if (!slowest || took > slowest.ms) slowest = { what, ms: took };
  };
  return Object.assign(read, { note });
}
