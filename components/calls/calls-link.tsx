"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { apiGet } from "../api";
import { BadgeLink } from "../badge-link";
import { useMemberEvent } from "./use-member-event";

export const missedKey = ["calls", "missed"] as const;

/**
 * Header link to recent calls with the missed count, live: a call that ends unanswered (or is seen on
 * another device) makes every open page ask the count again. Asked afresh, never counted from events:
 * a page that connects later is replayed events whose counts are out of date.
 */
export function CallsLink({ initial, compact }: { initial: number; compact?: boolean }) {
  const qc = useQueryClient();
  const refresh = () => void qc.invalidateQueries({ queryKey: missedKey });
  useMemberEvent("call", (c) => {
    if (c.role === "callee" && c.status === "ended") refresh();
  });
  useMemberEvent("calls-seen", refresh);
  const { data } = useQuery({
    queryKey: missedKey,
    queryFn: ({ signal }) => apiGet<{ missed: number }>("/api/calls/missed", signal),
    initialData: { missed: initial },
    staleTime: 30_000,
  });
  return (
    <BadgeLink
      href="/calls"
      label="Recent calls"
      shortLabel="Calls"
      count={data.missed}
      compact={compact}
      countWord="missed"
      tone="bg-rose-700"
      testId={{ link: "nav-calls", count: "missed-count" }}
    />
  );
}
