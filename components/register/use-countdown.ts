"use client";

import { useEffect, useState } from "react";

/** Seconds left until `until`, ticking every second; null without a deadline. */
export function useCountdown(until: string | Date | null | undefined): number | null {
  const target = until ? new Date(until).getTime() : null;
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (target === null) return;
    setNow(Date.now());
    const id = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(id);
  }, [target]);
  return target === null ? null : Math.max(0, Math.ceil((target - now) / 1000));
}

export function formatSeconds(s: number): string {
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
}
