"use client";

import { useState } from "react";
import { ApiError } from "./api";

/** Runs one request at a time for a form or button, keeping its busy state and the refusal in words. */
export function useAction(onDone?: () => void) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  /** Why the server refused, when it said more than a message (e.g. `reason`), for forms that react to it. */
  const [details, setDetails] = useState<Record<string, unknown> | null>(null);
  async function run(fn: () => Promise<unknown>): Promise<boolean> {
    setBusy(true);
    setError(null);
    setDetails(null);
    try {
      await fn();
      onDone?.();
      return true;
    } catch (err) {
      setError(err instanceof ApiError ? err.message : "That did not go through; try again.");
      setDetails(err instanceof ApiError ? err.body : null);
      return false;
    } finally {
      setBusy(false);
    }
  }
  const reset = () => {
    setError(null);
    setDetails(null);
  };
  return { run, error, busy, details, reset };
}
