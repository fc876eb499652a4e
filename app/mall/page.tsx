import type { Metadata } from "next";
import Link from "next/link";
import { LiveSkyline } from "@/components/mall/live-skyline";
import { availabilityText } from "@/components/mall/skyline";
import { db } from "@/lib/db/client";
import { listMerchants } from "@/lib/mall/catalogue";

export const metadata: Metadata = { title: "The mall" };
export const dynamic = "force-dynamic";

export default async function MallPage() {
  const merchants = await listMerchants(await db());
  return (
    <div className="mx-auto max-w-6xl">
      <div className="mb-4">
        <h1 className="text-2xl font-bold tracking-tight">The mall</h1>
        <p className="text-slate-600">Step into a shop and talk to a sales agent by video. No account needed to browse.</p>
      </div>
      {merchants.length === 0 ? (
        <p className="rounded-2xl border border-dashed border-slate-300 p-10 text-center text-slate-600">No shops have opened yet.</p>
      ) : (
        <>
          {/* On a phone the street scrolls sideways rather than shrinking the shops to dots. */}
          <div
            className="overflow-x-auto rounded-3xl border border-slate-200 shadow-sm"
            tabIndex={0}
            role="region"
            aria-label="Skyline (scrolls sideways)"
          >
            <div className="min-w-[760px]">
              <LiveSkyline merchants={merchants} />
            </div>
          </div>
          <h2 className="mt-8 mb-3 text-lg font-semibold">All shops</h2>
          <ul className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-3" data-testid="merchant-list">
            {merchants.map((m) => (
              <li key={m.slug}>
                <Link
                  href={`/mall/${m.slug}`}
                  className="flex items-center gap-3 rounded-2xl border border-slate-200 bg-white p-3 hover:border-brand-300 hover:shadow-sm"
                >
                  {/* eslint-disable-next-line @next/next/no-img-element */}
                  <img src={`/api/mall/logos/${m.slug}`} alt="" width={48} height={48} className="rounded-xl" />
                  <span className="min-w-0 flex-1">
                    <span className="block truncate font-semibold">{m.name}</span>
                    <span className="block truncate text-sm text-slate-600">
                      {m.category} · {m.tagline}
                    </span>
                  </span>
                  <span
                    className={`whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-semibold ${m.availability.state === "open" ? "bg-emerald-100 text-emerald-800" : m.availability.state === "busy" ? "bg-amber-100 text-amber-900" : "bg-slate-100 text-slate-700"}`}
                  >
                    {availabilityText(m.availability)}
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
