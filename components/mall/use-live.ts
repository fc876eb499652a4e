"use client";

import { useEffect } from "react";
import { usePresenceClient } from "../presence/presence-provider";

/** Guests only connect to the presence server when a page needs live events: a mall call does. */
export function useLiveConnection(): void {
  const client = usePresenceClient();
  useEffect(() => {
    client?.connect();
  }, [client]);
}
