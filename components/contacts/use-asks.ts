"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import type { AskView } from "@/lib/contacts/availability-store";
import { apiGet, apiSend } from "../api";
import { contactKeys } from "./use-book";

/** The member's "tell me when available" asks (AvailableNotice refreshes them when one fires). */
export function useAsks(enabled = true) {
  const qc = useQueryClient();
  const query = useQuery({
    queryKey: contactKeys.watches,
    queryFn: ({ signal }) => apiGet<{ asks: AskView[] }>("/api/contacts/availability", signal).then((r) => r.asks),
    enabled,
    staleTime: 30_000,
  });
  const refresh = () => void qc.invalidateQueries({ queryKey: contactKeys.watches });
  return {
    ...query,
    ask: (memberId: string) => apiSend<{ ask: AskView }>("POST", "/api/contacts/availability", { memberId }).finally(refresh),
    cancel: (askId: string) => apiSend("DELETE", `/api/contacts/availability/${encodeURIComponent(askId)}`).finally(refresh),
  };
}
