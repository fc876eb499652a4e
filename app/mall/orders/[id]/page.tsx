import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { currentGuestId } from "@/app/_server/guest-cookie";
import { currentMember } from "@/app/_server/session";
import { db } from "@/lib/db/client";
import { DomainError } from "@/lib/errors";
import { formatPrice } from "@/lib/mall/catalogue";
import { orderForParty } from "@/lib/mall/orders";
import { When } from "@/components/when";

export const metadata: Metadata = { title: "Order confirmation" };
export const dynamic = "force-dynamic";

const TRAIL_TEXT: Record<string, string> = {
  opened: "Call answered, order opened",
  "item-added": "Added",
  "item-removed": "Removed",
  "quantity-changed": "Quantity changed",
  "age-camera-requested": "Camera requested for age check",
  "age-verified": "Age verified",
  "age-refused": "Age check refused",
  signed: "Signed by the shopper",
  "signature-voided": "Signature voided",
  placed: "Placed",
  abandoned: "Closed without a sale",
};

export default async function OrderPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const member = await currentMember();
  let data;
  try {
    data = await orderForParty(await db(), id, { memberId: member?.id ?? null, guestId: member ? null : await currentGuestId() });
  } catch (err) {
    if (err instanceof DomainError && err.code === "NOT_FOUND") notFound();
    throw err;
  }
  const { order: o, merchant, trail } = data;
  return (
    <article
      className="mx-auto max-w-2xl rounded-3xl border border-slate-200 bg-white p-6 shadow-sm"
      data-testid="order-confirmation"
      data-status={o.status}
    >
      <p className="text-sm text-slate-600">
        <Link href={`/mall/${merchant.slug}`} className="underline">
          {merchant.name}
        </Link>
      </p>
      <h1 className="mt-1 text-2xl font-bold">
        {o.status === "placed" ? "Order confirmed" : o.status === "open" ? "Order in progress" : "No sale"}
      </h1>
      <p className="tabular mt-1 text-slate-700">
        Reference <strong data-testid="order-reference">{o.reference}</strong>
        {o.placedAt && (
          <>
            {" "}
            · placed <When iso={o.placedAt} />
          </>
        )}
      </p>
      <ul className="mt-4 divide-y divide-slate-100">
        {o.items.map((i) => (
          <li key={i.productId} className="flex items-center gap-3 py-2">
            {i.pictureUrl && (
              // eslint-disable-next-line @next/next/no-img-element
              <img src={i.pictureUrl} alt="" width={56} height={42} className="h-10 w-14 rounded object-cover" />
            )}
            <span className="flex-1">
              {i.quantity} × {i.name}
              {i.ageRestricted && <span className="ml-1 rounded bg-rose-100 px-1 text-xs font-bold text-rose-800">18+</span>}
            </span>
            <span className="tabular">{formatPrice(i.priceCents * i.quantity, o.currency)}</span>
          </li>
        ))}
      </ul>
      <p className="mt-2 flex justify-between border-t border-slate-200 pt-2 text-lg font-semibold">
        <span>Total</span>
        <span className="tabular" data-testid="order-total">
          {formatPrice(o.totalCents, o.currency)}
        </span>
      </p>
      {o.status === "placed" && (
        <p className="mt-2 rounded-xl bg-amber-50 px-3 py-2 text-amber-900" data-testid="payment-due">
          Payment due: no payment has been taken.
        </p>
      )}
      {o.signedName && (
        <p className="mt-3 text-slate-700">
          Signed by{" "}
          <span className="font-[cursive] text-lg" data-testid="order-signed">
            {o.signedName}
          </span>
        </p>
      )}
      {o.ageCheck !== "none" && <p className="mt-1 text-slate-700">Age check: {o.ageCheck}</p>}
      {trail && (
        <section aria-labelledby="trail-title" className="mt-6">
          <h2 id="trail-title" className="font-semibold">
            Trail (staff only)
          </h2>
          <ol className="mt-2 space-y-1 text-sm" data-testid="order-trail">
            {trail.map((t, i) => (
              <li key={i} className="flex gap-2">
                <span className="tabular text-slate-500">{new Date(t.at).toISOString().slice(11, 19)}</span>
                <span className="font-medium">{t.actor}</span>
                <span>
                  {TRAIL_TEXT[t.type] ?? t.type}
                  {t.detail ? `: ${t.detail}` : ""}
                </span>
              </li>
            ))}
          </ol>
        </section>
      )}
    </article>
  );
}
