import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { currentMember } from "@/app/_server/session";
import { RoutingEditor } from "@/components/routing/routing-editor";
import { env } from "@/lib/env";

export const metadata: Metadata = { title: "Call routing" };

export default async function CallRoutingPage() {
  const member = await currentMember();
  if (!member) redirect("/signin?next=/settings/calls");
  // The default's ring time is the portal's setting, so the explanation quotes the real figure.
  const seconds = env().CALL_RING_SECONDS;
  return (
    <div className="mx-auto max-w-3xl">
      <h1 className="text-2xl font-bold tracking-tight">Call routing</h1>
      <div className="mt-2 space-y-2 text-slate-700">
        <p>Decide what happens when someone calls you: who rings through, when, on which devices, and where the rest go.</p>
        <p className="text-sm">
          Your rules are tried in order, from the top. The first one that matches the call decides; rules switched off are skipped. When
          none matches, the call rings all your devices for {seconds} seconds, then goes to your mailbox (under do-not-disturb it goes
          straight to the mailbox).
        </p>
      </div>
      <div className="mt-6">
        <RoutingEditor defaultRingSeconds={seconds} />
      </div>
    </div>
  );
}
