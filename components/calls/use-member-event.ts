"use client";

import { useEffect, useRef } from "react";
import type { MemberEvent, MemberEventMap, MemberEventType } from "@/lib/presence/events";
import { usePresenceClient } from "../presence/presence-provider";

/** Runs `cb` for each event of this type sent to the signed-in member (through the presence server). */
export function useMemberEvent<K extends MemberEventType>(type: K, cb: (data: MemberEventMap[K], e: MemberEvent) => void): void {
  const client = usePresenceClient();
  const ref = useRef(cb);
  useEffect(() => {
    ref.current = cb;
  });
  useEffect(() => {
    if (!client) return;
    return client.onEvent((e) => {
      if (e.type === type) ref.current(e.data as MemberEventMap[K], e);
    });
  }, [client, type]);
}
