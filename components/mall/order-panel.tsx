"use client";

import { formatPrice } from "@/lib/mall/catalogue";
import type { OrderView } from "@/lib/mall/orders";
import { apiSend } from "../api";
import { useAction } from "../use-action";

type Op = Record<string, unknown> & { type: string };

const AGE_TEXT: Record<OrderView["ageCheck"], string> = {
  none: "Age not checked yet",
  requested: "Camera requested for the age check",
  verified: "Age verified",
  refused: "Age check refused",
};

/** Sends one change to the call's order and reports a refusal in words. */
export function useOrderOps(callId: string, onOrder: (o: OrderView) => void) {
  const { run, error, busy, details, reset } = useAction();
  const send = (op: Op) => run(async () => onOrder(await apiSend<OrderView>("POST", `/api/mall/calls/${callId}/order`, op)));
  /** The signature was for an order that has changed since: the sign form asks for a new review. */
  const staleSignature = details?.reason === "order-changed";
  return { send, error, busy, staleSignature, reset };
}

/**
 * The order as both sides see it. The agent changes quantities freely; the shopper can take
 * things out (lower or remove), never add.
 */
export function OrderPanel({ order, role, ops }: { order: OrderView; role: "agent" | "shopper"; ops: ReturnType<typeof useOrderOps> }) {
  const open = order.status === "open";
  return (
    <section
      aria-labelledby="order-title"
      className="rounded-2xl border border-slate-200 bg-white p-4"
      data-testid="order-panel"
      data-status={order.status}
    >
      <div className="flex items-baseline justify-between gap-2">
        <h2 id="order-title" className="text-lg font-semibold">
          {role === "shopper" ? "Your cart" : "Order"}
        </h2>
        <span className="tabular text-xs text-slate-500">{order.reference}</span>
      </div>
      {order.items.length === 0 ? (
        <p className="mt-2 text-sm text-slate-600" data-testid="cart-empty">
          {role === "shopper" ? "Nothing yet: the agent adds what you choose." : "Empty: search a product and add it."}
        </p>
      ) : (
        <ul className="mt-2 divide-y divide-slate-100" data-testid="cart-items">
          {order.items.map((i) => (
            <li key={i.productId} className="flex items-center gap-3 py-2" data-testid="cart-item" data-product={i.productId}>
              {i.pictureUrl && (
                // eslint-disable-next-line @next/next/no-img-element
                <img src={i.pictureUrl} alt="" width={44} height={33} className="h-9 w-12 rounded object-cover" />
              )}
              <div className="min-w-0 flex-1">
                <p className="truncate font-medium" data-testid="cart-item-name">
                  {i.name}
                </p>
                <p className="text-xs text-slate-600">
                  {formatPrice(i.priceCents, order.currency)} each
                  {i.ageRestricted && <span className="ml-1 rounded bg-rose-100 px-1 font-semibold text-rose-800">18+</span>}
                </p>
              </div>
              <div className="flex items-center gap-1">
                {open && (
                  <button
                    type="button"
                    aria-label={`One less ${i.name}`}
                    disabled={ops.busy}
                    onClick={() => void ops.send({ type: "set-quantity", productId: i.productId, quantity: i.quantity - 1 })}
                    className="h-8 w-8 rounded-full border border-slate-300 hover:bg-slate-100"
                  >
                    −
                  </button>
                )}
                <span className="tabular w-6 text-center" data-testid="cart-qty" role="img" aria-label={`Quantity ${i.quantity}`}>
                  {i.quantity}
                </span>
                {open && role === "agent" && (
                  <button
                    type="button"
                    aria-label={`One more ${i.name}`}
                    disabled={ops.busy}
                    onClick={() => void ops.send({ type: "set-quantity", productId: i.productId, quantity: i.quantity + 1 })}
                    className="h-8 w-8 rounded-full border border-slate-300 hover:bg-slate-100"
                  >
                    +
                  </button>
                )}
                {open && (
                  <button
                    type="button"
                    aria-label={`Remove ${i.name}`}
                    disabled={ops.busy}
                    onClick={() => void ops.send({ type: "remove", productId: i.productId })}
                    data-testid="cart-remove"
                    className="ml-1 rounded-lg px-2 py-1 text-sm text-rose-700 hover:bg-rose-50"
                  >
                    Remove
                  </button>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
      <p className="mt-3 flex justify-between border-t border-slate-200 pt-2 font-semibold">
        <span>Total</span>
        <span className="tabular" data-testid="cart-total">
          {formatPrice(order.totalCents, order.currency)}
        </span>
      </p>
      {order.items.some((i) => i.ageRestricted) || order.ageCheck !== "none" ? (
        <p
          className={`mt-2 text-sm ${order.ageCheck === "verified" ? "text-emerald-700" : order.ageCheck === "refused" ? "text-rose-700" : "text-amber-800"}`}
          data-testid="age-status"
          data-age={order.ageCheck}
        >
          {AGE_TEXT[order.ageCheck]}
        </p>
      ) : null}
      {order.signedName && (
        <p className="mt-1 text-sm text-slate-700" data-testid="signed-by">
          Signed by {order.signedName}
        </p>
      )}
      {ops.error && !ops.staleSignature && (
        <p role="alert" className="mt-2 rounded-lg bg-rose-50 px-3 py-2 text-sm text-rose-800" data-testid="order-error">
          {ops.error}
        </p>
      )}
    </section>
  );
}
