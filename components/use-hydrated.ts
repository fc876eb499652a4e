"use client";

import { useSyncExternalStore } from "react";

const never = () => () => {};

/**
 * False in the server's HTML and until React has taken the page over; true after. A button drawn by
 * the server does nothing when clicked before that: such buttons stay disabled until then, so a
 * quick click waits instead of being lost.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    never,
    () => true,
    () => false,
  );
}
