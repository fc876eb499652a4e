"use client";

import { useState } from "react";
import { formatPrice } from "@/lib/mall/catalogue";
import type { ShopAdmin } from "@/lib/mall/shop-admin";
import { ApiError, apiSend, uploadForm } from "../../api";
import { useAction } from "../../use-action";

type Category = ShopAdmin["categories"][number];
type Product = Category["products"][number];

const input = "mt-1 w-full rounded-lg border border-slate-300 px-3 py-2 font-normal";

/** Name, price, category, description and the 18+ mark: for a new product or an existing one. */
function ProductForm({
  slug,
  categories,
  product,
  onDone,
}: {
  slug: string;
  categories: Category[];
  product?: Product & { categoryId: string };
  onDone: () => void;
}) {
  const [f, setF] = useState({
    name: product?.name ?? "",
    price: product ? (product.priceCents / 100).toFixed(2) : "",
    categoryId: product?.categoryId ?? categories[0]?.id ?? "",
    description: product?.description ?? "",
    ageRestricted: product?.ageRestricted ?? false,
    emoji: product?.emoji ?? "🛍️",
  });
  const act = useAction(onDone);
  const save = () =>
    act.run(() =>
      product
        ? apiSend("PATCH", `/api/console/shops/${slug}/products/${product.id}`, f)
        : apiSend("POST", `/api/console/shops/${slug}/products`, f),
    );
  return (
    <form
      className="grid gap-2 rounded-xl bg-slate-50 p-3 sm:grid-cols-2"
      data-testid="product-form"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <label className="text-sm font-medium">
        Name
        <input
          className={input}
          value={f.name}
          onChange={(e) => setF({ ...f, name: e.target.value })}
          required
          maxLength={80}
          data-testid="product-name-input"
        />
      </label>
      <label className="text-sm font-medium">
        Price (€)
        <input
          className={input}
          value={f.price}
          onChange={(e) => setF({ ...f, price: e.target.value })}
          required
          inputMode="decimal"
          placeholder="12.50"
          data-testid="product-price-input"
        />
      </label>
      <label className="text-sm font-medium">
        Category
        <select className={input} value={f.categoryId} onChange={(e) => setF({ ...f, categoryId: e.target.value })}>
          {categories.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
      </label>
      <label className="text-sm font-medium">
        Picture symbol (used until you upload a photo)
        <input className={input} value={f.emoji} onChange={(e) => setF({ ...f, emoji: e.target.value })} maxLength={8} />
      </label>
      <label className="text-sm font-medium sm:col-span-2">
        Description
        <textarea
          className={input}
          rows={2}
          value={f.description}
          onChange={(e) => setF({ ...f, description: e.target.value })}
          maxLength={500}
        />
      </label>
      <label className="flex items-center gap-2 text-sm font-medium">
        <input
          type="checkbox"
          checked={f.ageRestricted}
          onChange={(e) => setF({ ...f, ageRestricted: e.target.checked })}
          data-testid="product-age-input"
        />{" "}
        Age-restricted (18+)
      </label>
      <div className="flex items-center justify-end gap-2">
        {act.error && (
          <p role="alert" className="mr-auto text-sm text-rose-700" data-testid="product-error">
            {act.error}
          </p>
        )}
        <button
          type="submit"
          disabled={act.busy}
          className="rounded-lg bg-brand-600 px-4 py-2 font-semibold text-white hover:bg-brand-700"
          data-testid="save-product"
        >
          {product ? "Save" : "Add product"}
        </button>
      </div>
    </form>
  );
}

/** A photo upload with a progress bar; the server checks type and size by the bytes. */
function PhotoUpload({ slug, product, onDone }: { slug: string; product: Product; onDone: () => void }) {
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  async function upload(file: File) {
    setError(null);
    setProgress(0);
    const form = new FormData();
    form.set("image", file);
    try {
      await uploadForm(`/api/console/shops/${slug}/products/${product.id}/image`, form, setProgress);
      onDone();
    } catch (err) {
      setError(err instanceof ApiError ? err.message : "The upload failed; try again.");
    } finally {
      setProgress(null);
    }
  }
  return (
    <div className="text-sm">
      <label className="cursor-pointer rounded-lg border border-slate-300 px-2 py-1 hover:bg-slate-50">
        {product.hasPhoto ? "Replace photo" : "Upload photo"}
        <input
          type="file"
          accept="image/jpeg,image/png,image/webp"
          className="sr-only"
          onChange={(e) => e.target.files?.[0] && void upload(e.target.files[0])}
          data-testid="product-photo-input"
        />
      </label>
      {progress !== null && <progress max={1} value={progress} className="ml-2 h-2 w-24 align-middle" aria-label="Upload progress" />}
      {error && (
        <p role="alert" className="mt-1 text-rose-700">
          {error}
        </p>
      )}
    </div>
  );
}

/** Categories and their products: add, edit, photograph, delete. */
export function CatalogueEditor({ slug, categories, onChange }: { slug: string; categories: Category[]; onChange: () => void }) {
  const [editing, setEditing] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const [newCategory, setNewCategory] = useState("");
  const act = useAction(onChange);
  return (
    <section aria-labelledby="catalogue-title" className="rounded-2xl border border-slate-200 bg-white p-4" data-testid="catalogue">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="catalogue-title" className="text-lg font-semibold">
          Catalogue
        </h2>
        <button
          type="button"
          onClick={() => setAdding(!adding)}
          disabled={!categories.length}
          className="rounded-lg bg-brand-600 px-3 py-1.5 font-semibold text-white hover:bg-brand-700"
          data-testid="new-product"
        >
          {adding ? "Close" : "New product"}
        </button>
      </div>
      {adding && (
        <div className="mt-3">
          <ProductForm
            slug={slug}
            categories={categories}
            onDone={() => {
              setAdding(false);
              onChange();
            }}
          />
        </div>
      )}
      {categories.map((c) => (
        <div key={c.id} className="mt-4">
          <div className="flex items-center gap-2">
            <h3 className="font-semibold">{c.name}</h3>
            {c.products.length === 0 && (
              <button
                type="button"
                onClick={() => void act.run(() => apiSend("DELETE", `/api/console/shops/${slug}/categories/${c.id}`))}
                className="text-sm text-rose-700 underline"
              >
                Delete empty category
              </button>
            )}
          </div>
          {c.products.length === 0 ? (
            <p className="text-sm text-slate-600">No products yet.</p>
          ) : (
            <ul className="mt-1 divide-y divide-slate-100">
              {c.products.map((p) => (
                <li key={p.id} className="py-2" data-testid="catalogue-product">
                  <div className="flex flex-wrap items-center gap-3">
                    {/* eslint-disable-next-line @next/next/no-img-element */}
                    <img src={p.pictureUrl} alt="" width={64} height={48} className="h-12 w-16 rounded object-cover" />
                    <span className="min-w-0 flex-1">
                      <span className="font-medium">{p.name}</span>
                      {p.ageRestricted && <span className="ml-1 rounded bg-rose-100 px-1 text-xs font-bold text-rose-800">18+</span>}
                      <span className="tabular block text-sm text-slate-600">{formatPrice(p.priceCents, p.currency)}</span>
                    </span>
                    <PhotoUpload slug={slug} product={p} onDone={onChange} />
                    <button
                      type="button"
                      onClick={() => setEditing(editing === p.id ? null : p.id)}
                      className="rounded-lg border border-slate-300 px-2 py-1 text-sm hover:bg-slate-50"
                    >
                      {editing === p.id ? "Close" : "Edit"}
                    </button>
                    <button
                      type="button"
                      onClick={() =>
                        window.confirm(`Delete ${p.name}?`) &&
                        void act.run(() => apiSend("DELETE", `/api/console/shops/${slug}/products/${p.id}`))
                      }
                      className="rounded-lg px-2 py-1 text-sm text-rose-700 hover:bg-rose-50"
                      aria-label={`Delete ${p.name}`}
                    >
                      Delete
                    </button>
                  </div>
                  {editing === p.id && (
                    <div className="mt-2">
                      <ProductForm
                        slug={slug}
                        categories={categories}
                        product={{ ...p, categoryId: c.id }}
                        onDone={() => {
                          setEditing(null);
                          onChange();
                        }}
                      />
                    </div>
                  )}
                </li>
              ))}
            </ul>
          )}
        </div>
      ))}
      <form
        className="mt-4 flex flex-wrap items-end gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          void act
            .run(() => apiSend("POST", `/api/console/shops/${slug}/categories`, { name: newCategory }))
            .then((ok) => ok && setNewCategory(""));
        }}
      >
        <label className="min-w-[14rem] flex-1 text-sm font-medium">
          New category
          <input className={input} value={newCategory} onChange={(e) => setNewCategory(e.target.value)} required maxLength={40} />
        </label>
        <button type="submit" disabled={act.busy} className="rounded-lg border border-slate-300 px-4 py-2 font-semibold hover:bg-slate-50">
          Add category
        </button>
      </form>
      {act.error && (
        <p role="alert" className="mt-2 text-sm text-rose-700">
          {act.error}
        </p>
      )}
    </section>
  );
}
