import { formatPrice, type ProductView } from "@/lib/mall/catalogue";

/** A product as the agent shows it on the shopper's screen (and in the console's preview). */
export function ProductCard({ product, label, children }: { product: ProductView; label: string; children?: React.ReactNode }) {
  return (
    <article
      className="flex gap-4 rounded-2xl border border-slate-200 bg-white p-4"
      data-testid="shown-product"
      aria-label={`${label}: ${product.name}`}
    >
      {/* eslint-disable-next-line @next/next/no-img-element */}
      <img src={product.pictureUrl} alt={product.name} width={160} height={120} className="h-28 w-36 shrink-0 rounded-xl object-cover" />
      <div className="min-w-0">
        <p className="text-xs font-medium uppercase tracking-wide text-slate-500">{label}</p>
        <h3 className="text-lg font-semibold" data-testid="shown-product-name">
          {product.name}
        </h3>
        <p className="tabular font-semibold">
          {formatPrice(product.priceCents, product.currency)}
          {product.ageRestricted && <span className="ml-2 rounded bg-rose-100 px-1.5 py-0.5 text-xs font-bold text-rose-800">18+</span>}
        </p>
        <p className="mt-1 line-clamp-3 text-sm text-slate-700">{product.description}</p>
        {children}
      </div>
    </article>
  );
}
