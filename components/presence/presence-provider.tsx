"use client";

import { createContext, type ReactNode, useContext, useEffect, useMemo, useState, useSyncExternalStore } from "react";
import type { PublicStatus } from "@/lib/presence/status";
import { PresenceClient } from "./presence-client";

const Ctx = createContext<PresenceClient | null>(null);

/**
 * One presence connection per page. Signed-in members connect at once (that is
 * what makes them online); guests connect only when something on the page
 * watches statuses.
 */
export function PresenceProvider({ signedIn, autoAwayMs, children }: { signedIn: boolean; autoAwayMs: number; children: ReactNode }) {
  const [client] = useState(() => (typeof window === "undefined" ? null : new PresenceClient({ autoAwayMs })));
  useEffect(() => {
    if (signedIn) client?.connect();
    return () => client?.close();
  }, [client, signedIn]);
  return <Ctx.Provider value={client}>{children}</Ctx.Provider>;
}

export function usePresenceClient(): PresenceClient | null {
  return useContext(Ctx);
}

/** Live statuses of the given members; `initial` is what the server rendered. */
export function useStatuses(memberIds: string[], initial: Record<string, PublicStatus>): Record<string, PublicStatus> {
  const client = usePresenceClient();
  const key = memberIds.join(",");
  useEffect(() => {
    if (!client || !key) return;
    return client.watch(key.split(","));
  }, [client, key]);
  const version = useSyncExternalStore(
    (l) => client?.subscribe(l) ?? (() => {}),
    () =>
      client
        ? key
            .split(",")
            .map((id) => client.status(id) ?? "")
            .join(",")
        : "",
    () => "",
  );
  return useMemo(() => {
    const out = { ...initial };
    if (client)
      for (const id of memberIds) {
        const s = client.status(id);
        if (s) out[id] = s;
      }
    return out;
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [version, key, initial, client]);
}

export function useSelfPresence() {
  const client = usePresenceClient();
  return useSyncExternalStore(
    (l) => client?.subscribe(l) ?? (() => {}),
    () => client?.self ?? null,
    () => null,
  );
}

export function useConnectionState() {
  const client = usePresenceClient();
  return useSyncExternalStore(
    (l) => client?.subscribe(l) ?? (() => {}),
    () => (client ? `${client.connected ? "connected" : "disconnected"}:${client.transport ?? ""}` : "none"),
    () => "none",
  );
}
