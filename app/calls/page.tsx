import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { currentMember } from "@/app/_server/session";
import { CallButton } from "@/components/calls/call-button";
import { CallbackList } from "@/components/calls/callback-list";
import { MarkMissedSeen } from "@/components/calls/mark-missed-seen";
import { callHistory } from "@/lib/calls/history";
import { outcomeText } from "@/lib/calls/state";
import { db } from "@/lib/db/client";
import { NumberDisplay } from "@/components/number-display";
import { When } from "@/components/when";

export const metadata: Metadata = { title: "Recent calls" };

const duration = (s: number) => (s >= 60 ? `${Math.floor(s / 60)} min ${s % 60} s` : `${s} s`);

export default async function CallsPage() {
  const member = await currentMember();
  if (!member) redirect("/signin?next=/calls");
  const calls = await callHistory(await db(), member.id);
  // Shown once as new, then marked seen by the browser once on screen.
  const unseen = calls.filter((c) => c.unseen).length;
  return (
    <div className="mx-auto max-w-3xl">
      <MarkMissedSeen unseen={unseen} />
      <CallbackList />
      <div className="mb-6 flex items-center justify-between gap-4">
        <h1 className="text-2xl font-bold tracking-tight">Recent calls</h1>
        <div className="flex flex-wrap items-center gap-2">
          <Link
            href="/settings/calls"
            className="rounded-lg px-3 py-2 font-medium text-slate-700 hover:bg-slate-100"
            data-testid="calls-routing"
          >
            Call routing
          </Link>
          <Link href="/call" className="rounded-lg bg-emerald-700 px-4 py-2 font-semibold text-white hover:bg-emerald-800">
            Dial a number
          </Link>
        </div>
      </div>
      {calls.length === 0 ? (
        <div className="rounded-2xl border border-dashed border-slate-300 p-10 text-center text-slate-600">
          <p className="font-medium text-slate-800">No calls yet.</p>
          <p className="mt-1">
            Find someone in the{" "}
            <Link href="/directory" className="text-brand-700 underline">
              directory
            </Link>{" "}
            or dial a number.
          </p>
        </div>
      ) : (
        <ul className="divide-y divide-slate-200 overflow-hidden rounded-2xl border border-slate-200 bg-white" data-testid="call-history">
          {calls.map((c) => {
            const missed = c.direction === "incoming" && !c.forwardedOn && c.outcome === "missed";
            return (
              <li
                key={c.id}
                className="flex items-center gap-4 px-4 py-3"
                data-testid="call-row"
                data-outcome={c.outcome ?? c.status}
                data-unseen={c.unseen ? "1" : "0"}
              >
                <span aria-hidden="true" className={`text-xl ${missed ? "text-rose-600" : "text-slate-400"}`}>
                  {c.direction === "incoming" ? "↙" : "↗"}
                </span>
                <div className="min-w-0 flex-1">
                  <p className={`truncate ${c.unseen ? "font-bold text-rose-700" : "font-medium"}`}>
                    <Link href={`/${c.other.handle}`} className="hover:underline">
                      {c.other.displayName}
                    </Link>
                    {c.other.formattedNumber && (
                      <NumberDisplay spelled={c.other.formattedNumber} className="ml-2 text-sm font-normal text-slate-600" />
                    )}
                    {c.unseen && <span className="ml-2 rounded-full bg-rose-100 px-2 py-0.5 text-xs font-semibold text-rose-700">New</span>}
                  </p>
                  {c.meantFor && (
                    <p className="text-sm font-medium text-slate-700" data-testid="call-meant-for">
                      {c.direction === "incoming"
                        ? `${c.meantFor.displayName}'s call, forwarded`
                        : `You called ${c.meantFor.displayName}; forwarded`}
                    </p>
                  )}
                  <p className="text-sm text-slate-600">
                    {c.direction === "incoming" ? "Incoming" : "Outgoing"} {c.kind} call · <When iso={c.at} /> ·{" "}
                    {c.forwardedOn
                      ? "Forwarded by your rules"
                      : c.outcome === "completed"
                        ? duration(c.seconds)
                        : c.outcome
                          ? outcomeText(c.outcome).replace(/\.$/, "")
                          : "In progress"}
                  </p>
                  {c.path.length > 0 && (
                    <p className="text-sm text-slate-600" data-testid="call-path">
                      {c.path.join(" → ")}
                    </p>
                  )}
                </div>
                <CallButton handle={c.other.handle} name={c.other.displayName} kind={c.kind} compact />
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
