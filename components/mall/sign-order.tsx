"use client";

import { useState } from "react";
import { formatPrice } from "@/lib/mall/catalogue";
import type { OrderView } from "@/lib/mall/orders";
import type { useOrderOps } from "./order-panel";

/**
 * The shopper confirms the order by signing with their full name (and, as a guest, where to send it).
 * The signature names the order version the shopper reviewed when they began to sign: if the agent
 * changes the order meanwhile, the form asks them to look again instead of signing what they did
 * not see (the server refuses such a signature too, whatever the page does).
 */
export function SignOrder({ order, ops, askEmail }: { order: OrderView; ops: ReturnType<typeof useOrderOps>; askEmail: boolean }) {
  const [name, setName] = useState("");
  const [email, setEmail] = useState("");
  const [reviewed, setReviewed] = useState<number | null>(null);
  if (order.status !== "open") return null;
  const changed = reviewed !== null && reviewed !== order.version;
  const mustReview = changed || ops.staleSignature;
  const reviewAgain = () => {
    setReviewed(order.version);
    ops.reset();
  };
  if (order.signedName) {
    return (
      <p role="status" className="rounded-2xl bg-emerald-50 p-4 text-emerald-900" data-testid="awaiting-agent">
        You signed. Waiting for the agent to confirm the order…
      </p>
    );
  }
  if (!order.readyToSign) {
    return order.needsAgeCheck ? (
      <p className="rounded-2xl bg-slate-50 p-4 text-sm text-slate-700">The agent will check your age before you can sign.</p>
    ) : null;
  }
  return (
    <form
      className="rounded-2xl border border-slate-200 bg-white p-4"
      data-testid="sign-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (!mustReview) void ops.send({ type: "sign", name, version: reviewed ?? order.version, ...(askEmail ? { email } : {}) });
      }}
    >
      <h2 className="font-semibold">Confirm your order</h2>
      <p className="text-sm text-slate-600">
        Total {formatPrice(order.totalCents, order.currency)}, payment due on delivery. Sign with your full name.
      </p>
      <label className="mt-3 block text-sm font-medium" htmlFor="sign-name">
        Full name
      </label>
      <input
        id="sign-name"
        value={name}
        onChange={(e) => {
          if (reviewed === null) setReviewed(order.version);
          setName(e.target.value);
        }}
        autoComplete="name"
        required
        maxLength={100}
        className="mt-1 w-full rounded-lg border border-slate-300 px-3 py-2 font-[cursive] text-lg"
        placeholder="First and last name"
      />
      {askEmail && (
        <>
          <label className="mt-2 block text-sm font-medium" htmlFor="sign-email">
            Email for the confirmation
          </label>
          <input
            id="sign-email"
            type="email"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            autoComplete="email"
            required
            maxLength={200}
            className="mt-1 w-full rounded-lg border border-slate-300 px-3 py-2"
          />
        </>
      )}
      {mustReview && (
        <div
          role="alert"
          className="mt-3 rounded-lg border border-amber-400 bg-amber-50 p-3 text-sm text-amber-900"
          data-testid="sign-review-again"
        >
          <p className="font-semibold">Your order changed after you reviewed it.</p>
          <p>Check the cart again (now {formatPrice(order.totalCents, order.currency)}), then sign.</p>
          <button
            type="button"
            onClick={reviewAgain}
            data-testid="sign-reviewed"
            className="mt-2 rounded-lg border border-amber-500 bg-white px-3 py-1.5 font-semibold hover:bg-amber-100"
          >
            I have checked the order
          </button>
        </div>
      )}
      <button
        type="submit"
        disabled={ops.busy || mustReview}
        data-testid="sign-order"
        className="mt-3 w-full rounded-lg bg-emerald-700 px-4 py-2 font-semibold text-white hover:bg-emerald-800 disabled:opacity-50"
      >
        Sign and confirm
      </button>
    </form>
  );
}
