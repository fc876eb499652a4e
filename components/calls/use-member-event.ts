"use client";

import { useEffect, useRef } from "react";
import type { MemberEvent } from "@/lib/presence/events";
import { usePresenceClient } from "../presence/presence-provider";

/** Runs `cb` for each event of this type sent to the signed-in member (through the presence server). */
export function useMemberEvent<T>(type: string, cb: (data: T, e: MemberEvent) => void): void {
  const client = usePresenceClient();
  const ref = useRef(cb);
  useEffect(() => {
    ref.current = cb;
  });
  useEffect(() => {
    if (!client) return;
    return client.onEvent((e) => {
      if (e.type === type) ref.current(e.data as T, e);
    });
  }, [client, type]);
}
