import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { currentMember } from "@/app/_server/session";
import { AgentConsole } from "@/components/mall/agent-console";
import { db } from "@/lib/db/client";
import { DomainError } from "@/lib/errors";
import { consoleState } from "@/lib/mall/console";

export const metadata: Metadata = { title: "Agent console" };
export const dynamic = "force-dynamic";

export default async function ConsolePage() {
  const member = await currentMember();
  if (!member) redirect("/signin?next=/console");
  try {
    const state = await consoleState(await db(), member.id);
    const owned = state.shops.filter((s) => s.role === "owner");
    return (
      <>
        {owned.length > 0 && (
          <nav aria-label="Your shops" className="mx-auto mb-3 flex max-w-6xl flex-wrap gap-2 text-sm">
            {owned.map((s) => (
              <Link
                key={s.slug}
                href={`/console/${s.slug}`}
                className="rounded-full border border-slate-300 bg-white px-3 py-1 font-medium hover:bg-slate-50"
                data-testid="manage-shop"
              >
                Manage {s.name}
              </Link>
            ))}
          </nav>
        )}
        <AgentConsole initial={state} />
      </>
    );
  } catch (err) {
    if (err instanceof DomainError && err.code === "FORBIDDEN") {
      return (
        <section className="mx-auto max-w-md rounded-2xl border border-slate-200 bg-white p-8 text-center">
          <h1 className="text-xl font-semibold">The console is for sales agents</h1>
          <p className="mt-2 text-slate-600">You do not work for a shop in the mall. A shop owner can add you by your number or email.</p>
          <Link href="/mall" className="mt-4 inline-block rounded-lg bg-brand-600 px-4 py-2 font-semibold text-white">
            Visit the mall
          </Link>
        </section>
      );
    }
    throw err;
  }
}
