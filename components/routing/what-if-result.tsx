import { HUNT_SECONDS } from "@/lib/calls/routing/rules";
import type { Explanation } from "./use-rules";

type Step = Explanation["steps"][number];

/** What happened with one member on the path, in words; the seconds belong to the step that rings (always the last). */
function outcome(step: Step, ringSeconds: number | null): string {
  switch (step.result) {
    case "rings": {
      const what = step.member.self ? step.rang || "your devices" : "their devices";
      return `rings ${what}${ringSeconds ? ` for ${ringSeconds} s` : ""}`;
    }
    case "forwarded":
      return "forwards the call";
    case "busy":
      return "busy (already in a call), so the call ends here";
    case "unavailable":
      return "unavailable, so the call ends here";
    case "mailbox":
      return step.member.self ? "to your mailbox" : "to their mailbox";
    case "declined":
      return "declines the call";
    case "loop":
      return "cannot forward it, so the call stops here";
    case "missed":
      return "missed";
    case "their-rules":
      return "their own rules decide from here";
    case "group":
      return `the group's members are rung one after another, ${HUNT_SECONDS} s each, as their own rules allow; if nobody answers, it comes back to you as a missed call`;
  }
}

export function WhatIfResult({ explanation }: { explanation: Explanation }) {
  const { steps, ringSeconds, note } = explanation;
  const others = steps.some((s) => !s.member.self);
  return (
    <div className="rounded-xl border border-slate-200 bg-slate-50 p-3">
      <h3 className="text-sm font-semibold text-slate-900">The path</h3>
      <ol className="mt-2 space-y-2" data-testid="what-if-result">
        {steps.map((s, i) => (
          <li key={i} className="flex gap-2 text-sm text-slate-800" data-testid="what-if-step" data-result={s.result}>
            <span className="shrink-0 font-semibold tabular" aria-hidden="true">
              {`${i + 1}. `}
            </span>
            <span className="min-w-0 break-words">
              <span className="font-semibold text-slate-900">{s.member.self ? "You" : s.member.displayName}</span> —{" "}
              {outcome(s, ringSeconds)}
              {s.reason && <span className="text-slate-700"> ({s.reason})</span>}
              {i < steps.length - 1 && (
                <span className="text-slate-700" aria-hidden="true">
                  {" "}
                  →
                </span>
              )}
            </span>
          </li>
        ))}
      </ol>
      {note && (
        <p className="mt-2 text-sm text-slate-800">
          The caller sees: <q className="italic">{note}</q>
        </p>
      )}
      {others && (
        <p className="mt-2 text-xs text-slate-600">
          What happens next is theirs to know: their rules, whether they are free, and whom they take calls from.
        </p>
      )}
    </div>
  );
}
