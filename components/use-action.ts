"use client";

import { useState } from "react";
import { ApiError } from "./api";

/** Runs one request at a time for a form or button, keeping its busy state and the refusal in words. */
export function useAction(onDone?: () => void) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function run(fn: () => Promise<unknown>): Promise<boolean> {
    setBusy(true);
    setError(null);
    try {
      await fn();
      onDone?.();
      return true;
    } catch (err) {
      setError(err instanceof ApiError ? err.message : "That did not go through; try again.");
      return false;
    } finally {
      setBusy(false);
    }
  }
  return { run, error, busy };
}
