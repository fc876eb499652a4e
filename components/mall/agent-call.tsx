"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { formatPrice } from "@/lib/mall/catalogue";
import type { ProductHit } from "@/lib/mall/manage";
import type { AgentCallView } from "@/lib/mall/views";
import { ApiError, apiGet, apiSend } from "../api";
import { useCallMedia } from "../calls/use-call-media";
import { CallVideo } from "./call-video";
import { OrderPanel, useOrderOps } from "./order-panel";
import { ProductCard } from "./product-card";

const REFUSALS = [
  "No valid ID shown",
  "The ID does not match the shopper",
  "The ID shows they are under 18",
  "The shopper declined the camera",
];

/** The call in progress at the console: both videos, the product search, what the shopper sees, and the order. */
export function AgentCall({
  call,
  onCall,
  onEnded,
}: {
  call: AgentCallView;
  onCall: (c: AgentCallView) => void;
  onEnded: (c: AgentCallView) => void;
}) {
  const media = useCallMedia({
    callId: call.id,
    join: call.status === "connected",
    video: true,
    otherName: call.shopper.name,
    tokenUrl: `/api/mall/calls/${call.id}/token`,
  });
  const ops = useOrderOps(call.id, (order) => onCall({ ...call, order }));
  const [q, setQ] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [hangingUp, setHangingUp] = useState(false);
  const { data: hits, isLoading } = useQuery({
    queryKey: ["console-products", call.merchant.slug, q],
    queryFn: ({ signal }) =>
      apiGet<{ products: ProductHit[] }>(
        `/api/console/products?merchant=${encodeURIComponent(call.merchant.slug)}&q=${encodeURIComponent(q)}`,
        signal,
      ),
    staleTime: 30_000,
  });

  async function act(action: "show" | "hangup", body: Record<string, unknown> = {}) {
    setError(null);
    try {
      const next = await apiSend<AgentCallView>("POST", `/api/console/calls/${call.id}/${action}`, body);
      if (action === "hangup") onEnded(next);
      else onCall(next);
    } catch (err) {
      setError(err instanceof ApiError ? err.message : "That did not go through.");
    }
  }
  async function hangUp() {
    setHangingUp(true);
    await act("hangup");
    await media.leave();
    setHangingUp(false);
  }
  const [refusing, setRefusing] = useState(false);
  const [reason, setReason] = useState(REFUSALS[0]);

  const order = call.order;
  const restricted = order?.items.some((i) => i.ageRestricted) ?? false;
  return (
    <div className="mt-4 grid gap-4 lg:grid-cols-[1fr_24rem]" data-testid="console-call">
      <div className="flex flex-col gap-4">
        <CallVideo
          media={media}
          otherName={`${call.shopper.name}${call.shopper.guest ? " (guest)" : ""}`}
          otherLabel="The shopper"
          onHangUp={() => void hangUp()}
          hangingUp={hangingUp}
          testid="agent-video"
        />
        <p className="text-sm text-slate-600">
          Called from <span className="font-mono">{call.shopper.fromPath}</span> · waited {Math.round(call.waitedMs / 1000)} s ·{" "}
          <span data-testid="shopper-camera">{call.shopperCameraOn ? "shopper's camera on" : "shopper's camera off"}</span>
        </p>
        {call.shownProduct && <ProductCard product={call.shownProduct} label="The shopper sees" />}
        <section aria-labelledby="search-title" className="rounded-2xl border border-slate-200 bg-white p-4">
          <h2 id="search-title" className="font-semibold">
            Products
          </h2>
          <label htmlFor="product-search" className="sr-only">
            Search products
          </label>
          <input
            id="product-search"
            type="search"
            value={q}
            onChange={(e) => setQ(e.target.value)}
            placeholder={`Search ${call.merchant.name}`}
            data-testid="product-search"
            className="mt-2 w-full rounded-lg border border-slate-300 px-3 py-2"
          />
          {isLoading ? (
            <p className="mt-2 text-sm text-slate-500">Searching…</p>
          ) : hits?.products.length === 0 ? (
            <p className="mt-2 text-sm text-slate-600">No product matches.</p>
          ) : (
            <ul className="mt-2 max-h-80 divide-y divide-slate-100 overflow-y-auto">
              {hits?.products.map((p) => (
                <li key={p.id} className="flex items-center gap-3 py-2" data-testid="product-hit">
                  {/* eslint-disable-next-line @next/next/no-img-element */}
                  <img src={p.pictureUrl} alt="" width={48} height={36} className="h-9 w-12 rounded object-cover" />
                  <div className="min-w-0 flex-1">
                    <p className="truncate font-medium">
                      {p.name}
                      {p.ageRestricted && <span className="ml-1 rounded bg-rose-100 px-1 text-xs font-bold text-rose-800">18+</span>}
                    </p>
                    <p className="tabular text-xs text-slate-600">
                      {formatPrice(p.priceCents, p.currency)} · {p.category}
                    </p>
                  </div>
                  <button
                    type="button"
                    onClick={() => void act("show", { productId: p.id })}
                    aria-label={`Show ${p.name} to the shopper`}
                    data-testid="show-product"
                    className="rounded-lg border border-slate-300 px-2.5 py-1 text-sm hover:bg-slate-50"
                  >
                    Show
                  </button>
                  <button
                    type="button"
                    onClick={() => void ops.send({ type: "add", productId: p.id, quantity: 1 })}
                    aria-label={`Add ${p.name} to the order`}
                    data-testid="add-product"
                    disabled={ops.busy}
                    className="rounded-lg bg-brand-600 px-2.5 py-1 text-sm font-semibold text-white hover:bg-brand-700"
                  >
                    Add
                  </button>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
      <aside className="flex flex-col gap-4">
        {error && (
          <p role="alert" className="rounded-xl bg-rose-50 px-4 py-3 text-rose-800">
            {error}
          </p>
        )}
        {order && <OrderPanel order={order} role="agent" ops={ops} />}
        {order && order.status === "open" && (restricted || order.ageCheck === "requested") && (
          <section aria-labelledby="age-title" className="rounded-2xl border border-amber-300 bg-amber-50 p-4" data-testid="age-controls">
            <h2 id="age-title" className="font-semibold">
              Age check
            </h2>
            <p className="text-sm text-slate-700">
              {call.shopper.guest
                ? "A guest's age cannot be verified: they must sign in."
                : "Registered birth date on file. Ask for the camera, look at their ID, then record the result."}
            </p>
            <div className="mt-2 flex flex-wrap gap-2">
              {order.ageCheck === "none" && (
                <button
                  type="button"
                  onClick={() => void ops.send({ type: "request-age" })}
                  data-testid="request-age"
                  className="rounded-lg bg-amber-500 px-3 py-1.5 font-semibold text-slate-900 hover:bg-amber-400"
                >
                  Ask to turn camera on
                </button>
              )}
              {order.ageCheck === "requested" && (
                <>
                  <button
                    type="button"
                    onClick={() => void ops.send({ type: "verify-age" })}
                    disabled={!call.shopperCameraOn}
                    data-testid="verify-age"
                    title={call.shopperCameraOn ? undefined : "Waiting for the shopper's camera"}
                    className="rounded-lg bg-emerald-700 px-3 py-1.5 font-semibold text-white hover:bg-emerald-800 disabled:opacity-50"
                  >
                    Age verified
                  </button>
                  <button
                    type="button"
                    onClick={() => setRefusing(!refusing)}
                    aria-expanded={refusing}
                    data-testid="refuse-age"
                    className="rounded-lg bg-rose-600 px-3 py-1.5 font-semibold text-white hover:bg-rose-700"
                  >
                    Refused
                  </button>
                </>
              )}
            </div>
            {refusing && order.ageCheck === "requested" && (
              <form
                className="mt-3 flex flex-wrap items-end gap-2"
                onSubmit={(e) => {
                  e.preventDefault();
                  void ops.send({ type: "refuse-age", reason }).then(() => setRefusing(false));
                }}
              >
                <label className="flex-1 text-sm font-medium">
                  Reason (the shopper is told)
                  <select
                    value={reason}
                    onChange={(e) => setReason(e.target.value)}
                    className="mt-1 w-full rounded-lg border border-slate-300 bg-white px-2 py-1.5 font-normal"
                    data-testid="refuse-reason"
                  >
                    {REFUSALS.map((r) => (
                      <option key={r}>{r}</option>
                    ))}
                  </select>
                </label>
                <button
                  type="submit"
                  disabled={ops.busy}
                  className="rounded-lg bg-rose-700 px-3 py-1.5 font-semibold text-white"
                  data-testid="confirm-refusal"
                >
                  Record refusal
                </button>
              </form>
            )}
          </section>
        )}
        {order?.status === "open" && order.signedName && (
          <button
            type="button"
            onClick={() => void ops.send({ type: "confirm" })}
            disabled={ops.busy}
            data-testid="confirm-order"
            className="rounded-xl bg-emerald-700 px-4 py-3 text-lg font-semibold text-white hover:bg-emerald-800"
          >
            Confirm order for {order.signedName}
          </button>
        )}
        {order?.status === "placed" && (
          <p role="status" className="rounded-2xl bg-emerald-50 p-4 text-emerald-900" data-testid="agent-order-placed">
            Order {order.reference} placed · {formatPrice(order.totalCents, order.currency)} · payment due.
          </p>
        )}
      </aside>
    </div>
  );
}
