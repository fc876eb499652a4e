"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { CallbackView } from "@/lib/calls/callbacks";
import { apiGet, apiSend } from "../api";
import { useMemberEvent } from "./use-member-event";

export const callbackKeys = { all: ["callbacks"] as const };

/** "Call me when free" requests both ways, refetched when one is made, withdrawn or offered anywhere. */
export function useCallbacks() {
  const qc = useQueryClient();
  useMemberEvent("callbacks", () => void qc.invalidateQueries({ queryKey: callbackKeys.all }));
  return useQuery({
    queryKey: callbackKeys.all,
    queryFn: ({ signal }) => apiGet<{ callbacks: CallbackView[] }>("/api/callbacks", signal),
  });
}

export function useRequestCallback() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (callId: string) => apiSend<{ callback: CallbackView }>("POST", "/api/callbacks", { callId }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: callbackKeys.all }),
  });
}

export function useCancelCallback() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiSend("DELETE", `/api/callbacks/${encodeURIComponent(id)}`),
    onSuccess: () => void qc.invalidateQueries({ queryKey: callbackKeys.all }),
  });
}
