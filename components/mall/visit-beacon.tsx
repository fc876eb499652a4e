"use client";

import { useEffect } from "react";

/** Tells the mall this visitor is here (for the skyline's avatars) while the page is open. */
export function useMallVisit(merchant: string | null): void {
  useEffect(() => {
    const beat = () =>
      void fetch("/api/mall/visit", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ merchant }),
      }).catch(() => undefined);
    beat();
    const t = setInterval(beat, 20_000);
    return () => clearInterval(t);
  }, [merchant]);
}

export function MallVisit({ merchant }: { merchant: string | null }) {
  useMallVisit(merchant);
  return null;
}
