"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { Explanation } from "@/lib/calls/routing/explain-route";
import type { RuleDoc } from "@/lib/calls/routing/rules";
import type { WhatIfBody } from "@/lib/calls/routing/schemas";
import { apiGet, apiSend } from "../api";

/** What the server holds: the document and its version (0: never saved). */
export type RulesView = { doc: RuleDoc; version: number };
export type { Explanation };

export const routingKeys = {
  all: ["settings", "calls"] as const,
  rules: () => ["settings", "calls", "rules"] as const,
  /** Keyed by the saved version too: a save makes earlier answers stale. `run` counts presses of the button. */
  whatIf: (version: number, body: WhatIfBody, run: number) => ["settings", "calls", "what-if", version, body, run] as const,
};

const RULES_URL = "/api/settings/calls";

export function fetchRules(signal?: AbortSignal): Promise<RulesView> {
  return apiGet<RulesView>(RULES_URL, signal);
}

export function saveRules(body: RulesView): Promise<RulesView> {
  return apiSend<RulesView>("PUT", RULES_URL, body);
}

export function fetchWhatIf(body: WhatIfBody, signal?: AbortSignal): Promise<Explanation> {
  return apiSend<Explanation>("POST", `${RULES_URL}/what-if`, body, signal);
}

export function useRules() {
  return useQuery({ queryKey: routingKeys.rules(), queryFn: ({ signal }) => fetchRules(signal) });
}

/** Saving puts the answer in the cache, so anything reading the saved rules sees the new version at once. */
export function useSaveRules() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: saveRules,
    onSuccess: (view) => qc.setQueryData(routingKeys.rules(), view),
  });
}

/** A read done with POST (the question has a body); each press of the button asks again, as devices come and go. */
export function useWhatIf(ask: { version: number; body: WhatIfBody; run: number } | null) {
  return useQuery({
    queryKey: ask ? routingKeys.whatIf(ask.version, ask.body, ask.run) : [...routingKeys.all, "what-if", "idle"],
    queryFn: ({ signal }) => fetchWhatIf(ask!.body, signal),
    enabled: ask !== null,
    retry: false,
    staleTime: Infinity,
    gcTime: 60_000,
  });
}
