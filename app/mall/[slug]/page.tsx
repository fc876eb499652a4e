import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { currentMember } from "@/app/_server/session";
import { availabilityText } from "@/components/mall/skyline";
import { TalkToAgent } from "@/components/mall/talk-to-agent";
import { MallVisit } from "@/components/mall/visit-beacon";
import { db } from "@/lib/db/client";
import { mailboxLimits } from "@/lib/mailbox/limits";
import { alternatives, formatPrice, getStorefront, listMerchants } from "@/lib/mall/catalogue";

type Props = { params: Promise<{ slug: string }> };
export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const s = await getStorefront(await db(), (await params).slug);
  return { title: s ? `${s.merchant.name} — the mall` : "Not found" };
}

export default async function StorefrontPage({ params }: Props) {
  const { slug } = await params;
  if (!/^[a-z0-9-]{1,60}$/.test(slug)) notFound();
  const client = await db();
  const store = await getStorefront(client, slug);
  if (!store) notFound();
  const { merchant: m, categories } = store;
  const viewer = await currentMember();
  const others = m.availability.state === "open" ? [] : alternatives(await listMerchants(client), m);
  return (
    <div className="mx-auto max-w-5xl">
      <nav aria-label="Breadcrumb" className="mb-3 text-sm text-slate-600">
        <Link href="/mall" className="underline">
          The mall
        </Link>{" "}
        › {m.name}
      </nav>
      <header className="overflow-hidden rounded-3xl border border-slate-200 bg-white shadow-sm">
        <div className="h-20" style={{ background: `linear-gradient(90deg, ${m.color}, ${m.accent})` }} aria-hidden="true" />
        <div className="flex flex-wrap items-end gap-4 px-5 pb-5">
          {/* eslint-disable-next-line @next/next/no-img-element */}
          <img
            src={`/api/mall/logos/${m.slug}`}
            alt={`${m.name} logo`}
            width={88}
            height={88}
            className="-mt-10 rounded-2xl border-4 border-white bg-white"
          />
          {/* Under the logo on a phone, rather than squeezed beside it into a narrow column. */}
          <div className="min-w-[15rem] flex-1">
            <h1 className="text-2xl font-bold tracking-tight" data-testid="merchant-name">
              {m.name}
            </h1>
            <p className="text-slate-600">
              {m.category} · {m.tagline}
            </p>
          </div>
          <p className="text-sm font-medium text-slate-700" data-testid="merchant-availability">
            {availabilityText(m.availability)}
          </p>
        </div>
        <div className="px-5 pb-5">
          <MallVisit merchant={m.slug} />
          <TalkToAgent
            merchant={m.name}
            slug={m.slug}
            category={m.category}
            ownerHandle={m.ownerHandle}
            availability={m.availability}
            guest={!viewer}
            maxSeconds={mailboxLimits().maxMs / 1000}
          />
          {others.length > 0 && (
            <p className="mt-3 text-sm text-slate-700">
              An agent is free at{" "}
              {others.map((o, i) => (
                <span key={o.slug}>
                  {i > 0 && ", "}
                  <Link href={`/mall/${o.slug}`} className="font-medium text-brand-700 underline">
                    {o.name}
                  </Link>
                </span>
              ))}
              .
            </p>
          )}
        </div>
      </header>
      {categories.map((c) => (
        <section key={c.name} aria-labelledby={`cat-${c.name}`} className="mt-8">
          <h2 id={`cat-${c.name}`} className="mb-3 text-lg font-semibold">
            {c.name}
          </h2>
          {c.products.length === 0 ? (
            <p className="text-slate-600">Nothing here yet.</p>
          ) : (
            <ul className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-3">
              {c.products.map((p) => (
                <li key={p.slug}>
                  <Link
                    href={`/mall/${m.slug}/${p.slug}`}
                    className="block overflow-hidden rounded-2xl border border-slate-200 bg-white hover:shadow-md"
                    data-testid="product-card"
                  >
                    {/* eslint-disable-next-line @next/next/no-img-element */}
                    <img src={p.pictureUrl} alt="" width={400} height={300} className="aspect-[4/3] w-full object-cover" />
                    <span className="block p-3">
                      <span className="flex items-start justify-between gap-2">
                        <span className="font-semibold">{p.name}</span>
                        <span className="tabular whitespace-nowrap font-semibold">{formatPrice(p.priceCents, p.currency)}</span>
                      </span>
                      {p.ageRestricted && (
                        <span className="mt-1 inline-block rounded bg-rose-100 px-1.5 py-0.5 text-xs font-semibold text-rose-800">
                          18+ age-restricted
                        </span>
                      )}
                    </span>
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </section>
      ))}
    </div>
  );
}
