"use client";

import { useEffect, useState } from "react";

/**
 * Tells the server the missed calls on screen were seen, once the list is shown: rendering the page
 * (a GET, which may be a prefetch) must not change anything.
 */
export function MarkMissedSeen({ unseen }: { unseen: number }) {
  const [done, setDone] = useState(false);
  useEffect(() => {
    if (unseen === 0) return;
    const ctl = new AbortController();
    fetch("/api/calls/seen", { method: "POST", signal: ctl.signal })
      .then((r) => r.ok && setDone(true))
      .catch(() => undefined);
    return () => ctl.abort();
  }, [unseen]);
  return <span hidden data-testid="missed-seen" data-done={done ? "1" : "0"} />;
}
