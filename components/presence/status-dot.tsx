"use client";

import type { PublicStatus } from "@/lib/presence/status";
import { useStatuses } from "./presence-provider";

export const STATUS_LABEL: Record<PublicStatus, string> = {
  online: "Online",
  away: "Away",
  busy: "In a call",
  dnd: "Do not disturb",
  offline: "Offline",
};

const STATUS_CLASS: Record<PublicStatus, string> = {
  online: "bg-emerald-500",
  away: "bg-amber-400",
  busy: "bg-red-500",
  dnd: "bg-red-600",
  offline: "bg-slate-300",
};

export function Dot({ status, size = 12 }: { status: PublicStatus; size?: number }) {
  return (
    <span
      aria-hidden="true"
      className={`inline-block shrink-0 rounded-full ring-2 ring-white ${STATUS_CLASS[status]}`}
      style={{ width: size, height: size }}
    >
      {status === "dnd" && <span className="mx-auto mt-[45%] block h-[12%] w-[60%] rounded bg-white" />}
    </span>
  );
}

/** A member's live status: a coloured dot with its words, updated from the presence server. */
export function LiveStatus({ memberId, initial, showLabel = true }: { memberId: string; initial: PublicStatus; showLabel?: boolean }) {
  const statuses = useStatuses([memberId], { [memberId]: initial });
  const status = statuses[memberId] ?? initial;
  return (
    <span className="inline-flex items-center gap-1.5" data-testid={`status-${memberId}`} data-status={status}>
      <Dot status={status} />
      <span className={showLabel ? "text-sm text-slate-700" : "sr-only"}>{STATUS_LABEL[status]}</span>
    </span>
  );
}
