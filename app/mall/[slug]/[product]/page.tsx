import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { currentMember } from "@/app/_server/session";
import { TalkToAgent } from "@/components/mall/talk-to-agent";
import { MallVisit } from "@/components/mall/visit-beacon";
import { db } from "@/lib/db/client";
import { mailboxLimits } from "@/lib/mailbox/limits";
import { formatPrice, getProduct } from "@/lib/mall/catalogue";

type Props = { params: Promise<{ slug: string; product: string }> };
export const dynamic = "force-dynamic";

const valid = (s: string) => /^[a-z0-9-]{1,60}$/.test(s);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug, product } = await params;
  const r = valid(slug) && valid(product) ? await getProduct(await db(), slug, product) : null;
  return { title: r ? `${r.product.name} — ${r.merchant.name}` : "Not found" };
}

export default async function ProductPage({ params }: Props) {
  const { slug, product } = await params;
  if (!valid(slug) || !valid(product)) notFound();
  const r = await getProduct(await db(), slug, product);
  if (!r) notFound();
  const { merchant: m, product: p } = r;
  const viewer = await currentMember();
  return (
    <div className="mx-auto max-w-4xl">
      <nav aria-label="Breadcrumb" className="mb-3 text-sm text-slate-600">
        <Link href="/mall" className="underline">
          The mall
        </Link>{" "}
        ›{" "}
        <Link href={`/mall/${m.slug}`} className="underline">
          {m.name}
        </Link>{" "}
        › {p.name}
      </nav>
      <article className="grid gap-6 overflow-hidden rounded-3xl border border-slate-200 bg-white p-5 shadow-sm md:grid-cols-2">
        {/* eslint-disable-next-line @next/next/no-img-element */}
        <img src={p.pictureUrl} alt={p.name} width={400} height={300} className="aspect-[4/3] w-full rounded-2xl object-cover" />
        <div>
          <p className="text-sm text-slate-600">{p.category}</p>
          <h1 className="text-2xl font-bold tracking-tight" data-testid="product-name">
            {p.name}
          </h1>
          <p className="tabular mt-2 text-2xl font-semibold">{formatPrice(p.priceCents, p.currency)}</p>
          {p.ageRestricted && (
            <p className="mt-2 rounded-lg bg-rose-50 px-3 py-2 text-sm text-rose-900" data-testid="age-restricted">
              18+ age-restricted: a sales agent checks your age on camera before selling it, and buying it needs an account.
            </p>
          )}
          <p className="mt-4 text-slate-700">{p.description}</p>
          <div className="mt-6">
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
          </div>
        </div>
      </article>
    </div>
  );
}
