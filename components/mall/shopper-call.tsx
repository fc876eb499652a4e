"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useEffect, useRef, useState } from "react";
import type { MerchantCard } from "@/lib/mall/catalogue";
import type { ShopperView } from "@/lib/mall/views";
import { apiGet, apiSend } from "../api";
import { useCallMedia } from "../calls/use-call-media";
import { useMemberEvent } from "../calls/use-member-event";
import { CallVideo } from "./call-video";
import { MessageOffer } from "./message-offer";
import { OrderPanel, useOrderOps } from "./order-panel";
import { ProductCard } from "./product-card";
import { SignOrder } from "./sign-order";
import { useLiveConnection } from "./use-live";

const minutes = (ms: number) => Math.max(1, Math.round(ms / 60_000));

function useNow(active: boolean) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return;
    const t = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(t);
  }, [active]);
  return now;
}

/** The shopper's side of a call to a shop: waiting in line, then the agent by video with what they show and the cart. */
export function ShopperCall({ initial, signedIn, maxSeconds }: { initial: ShopperView; signedIn: boolean; maxSeconds: number }) {
  useLiveConnection();
  const qc = useQueryClient();
  const key = ["mall-call", initial.id];
  const { data: call = initial } = useQuery({
    queryKey: key,
    // A POST: asking is what keeps the shopper's place in the queue.
    queryFn: ({ signal }) => apiSend<ShopperView>("POST", `/api/mall/calls/${initial.id}`, undefined, signal),
    initialData: initial,
    // Pushed live through the presence server; asking also keeps the shopper's place in the queue.
    refetchInterval: (q) => (q.state.data?.status === "ended" ? false : q.state.data?.status === "connected" ? 5000 : 3000),
  });
  const setCall = (c: ShopperView) => qc.setQueryData(key, c);
  useMemberEvent("mall-call", (c) => c.id === initial.id && setCall(c));
  useMemberEvent("mall-order", (e) => {
    if (e.callId === initial.id) qc.setQueryData<ShopperView>(key, (c) => (c ? { ...c, order: e.order } : c));
  });

  const connected = call.status === "connected";
  const media = useCallMedia({
    callId: call.id,
    join: connected,
    video: true,
    otherName: call.agent?.name ?? "The agent",
    tokenUrl: `/api/mall/calls/${call.id}/token`,
  });
  const cameraOn = media.state.connected && media.state.cameraOn;
  // Sent one after another: a toggle right after the media connects must not be overtaken by the
  // "on" sent at connect (the agent then saw the camera on while it was off).
  const cameraSent = useRef<Promise<unknown>>(Promise.resolve());
  useEffect(() => {
    if (!connected) return;
    cameraSent.current = cameraSent.current.then(() =>
      apiSend("POST", `/api/mall/calls/${call.id}/camera`, { on: cameraOn }).catch(() => undefined),
    );
  }, [connected, cameraOn, call.id]);

  const ops = useOrderOps(call.id, (order) => qc.setQueryData<ShopperView>(key, (c) => (c ? { ...c, order } : c)));
  const [leaving, setLeaving] = useState(false);
  async function leave(reason: "left" | "message" = "left") {
    setLeaving(true);
    try {
      setCall(await apiSend<ShopperView>("POST", `/api/mall/calls/${call.id}/leave`, { reason }));
    } finally {
      await media.leave();
      setLeaving(false);
    }
  }

  const waiting = call.status === "queued" || call.status === "ringing";
  const now = useNow(waiting);
  const offer = waiting && now >= new Date(call.offerMessageAt).getTime();
  const m = call.merchant;

  if (call.status === "ended") return <Ended call={call} signedIn={signedIn} maxSeconds={maxSeconds} />;

  if (waiting) {
    return (
      <section
        className="mx-auto max-w-xl rounded-3xl border border-slate-200 bg-white p-6 text-center shadow-sm"
        data-testid="shopper-waiting"
        data-status={call.status}
        aria-live="polite"
      >
        {/* eslint-disable-next-line @next/next/no-img-element */}
        <img src={`/api/mall/logos/${m.slug}`} alt={`${m.name} logo`} width={72} height={72} className="mx-auto rounded-2xl" />
        <h1 className="mt-3 text-xl font-semibold">Calling {m.name}</h1>
        {call.status === "ringing" || call.position === null ? (
          <p className="mt-2 text-slate-700" data-testid="queue-status">
            Connecting you to a sales agent…
          </p>
        ) : (
          <>
            <p className="mt-2 text-3xl font-bold" data-testid="queue-position">
              You are number {call.position} in line
            </p>
            <p className="mt-1 text-slate-600" data-testid="queue-wait">
              {call.waitMs ? `About ${minutes(call.waitMs)} min wait` : "Every agent is busy; we will connect you as soon as one is free."}
            </p>
          </>
        )}
        <div className="mx-auto mt-4 h-1.5 w-40 overflow-hidden rounded-full bg-slate-100" aria-hidden="true">
          <div className="h-full w-1/3 motion-safe:animate-pulse rounded-full bg-emerald-500" />
        </div>
        <button
          type="button"
          onClick={() => void leave()}
          disabled={leaving}
          data-testid="leave-queue"
          className="mt-5 rounded-lg border border-slate-300 px-4 py-2 font-medium hover:bg-slate-50"
        >
          Leave the queue
        </button>
        {offer && (
          <div className="mt-6 text-left">
            <MessageOffer
              merchant={m}
              signedIn={signedIn}
              maxSeconds={maxSeconds}
              reason="You have waited a while."
              onChoose={() => void leave("message")}
            />
          </div>
        )}
      </section>
    );
  }

  return (
    <div className="grid gap-4 lg:grid-cols-[1fr_22rem]" data-testid="shopper-call">
      <div className="flex flex-col gap-4">
        <CallVideo
          media={media}
          otherName={`${call.agent?.name ?? "Agent"} · ${m.name}`}
          otherLabel="The agent"
          onHangUp={() => void leave()}
          hangingUp={leaving}
          testid="shopper-video"
        />
        {call.order?.ageCheck === "requested" && (
          <div role="alert" className="rounded-2xl border-2 border-amber-400 bg-amber-50 p-4" data-testid="camera-request">
            <p className="font-semibold">The agent needs to check your age.</p>
            <p className="text-sm text-slate-700">
              Turn on your camera and hold your ID up to it. {cameraOn ? "Your camera is on." : "Your camera is off."}
            </p>
            {!cameraOn && (
              <button
                type="button"
                onClick={() => void media.toggleCamera()}
                className="mt-2 rounded-lg bg-amber-500 px-4 py-2 font-semibold text-slate-900 hover:bg-amber-400"
                data-testid="camera-on"
              >
                Turn my camera on
              </button>
            )}
          </div>
        )}
        {call.order?.ageCheck === "refused" && (
          <p role="alert" className="rounded-2xl bg-rose-50 p-4 text-rose-900" data-testid="age-refused">
            Your age could not be verified{call.order.refusal ? ` (${call.order.refusal})` : ""}, so the age-restricted items were taken out
            of your cart.
          </p>
        )}
        {call.shownProduct && <ProductCard product={call.shownProduct} label={`${call.agent?.name ?? "The agent"} is showing you`} />}
      </div>
      <aside className="flex flex-col gap-4">
        {call.order && <OrderPanel order={call.order} role="shopper" ops={ops} />}
        {call.order && <SignOrder order={call.order} ops={ops} askEmail={!signedIn} />}
        {call.order?.status === "placed" && (
          <p role="status" className="rounded-2xl bg-emerald-50 p-4 text-emerald-900" data-testid="order-placed">
            Order <strong className="tabular">{call.order.reference}</strong> is placed; payment is due.{" "}
            <Link href={`/mall/orders/${call.order.id}`} className="font-medium underline">
              See the confirmation
            </Link>
          </p>
        )}
      </aside>
    </div>
  );
}

function Ended({ call, signedIn, maxSeconds }: { call: ShopperView; signedIn: boolean; maxSeconds: number }) {
  const placed = call.order?.status === "placed";
  const [others, setOthers] = useState<MerchantCard[]>([]);
  useEffect(() => {
    if (call.outcome !== "closed" && call.outcome !== "left") return;
    void apiGet<{ merchants: MerchantCard[] }>("/api/mall/live")
      .then((r) =>
        setOthers(
          r.merchants.filter(
            (x) => x.category === call.merchant.category && x.slug !== call.merchant.slug && x.availability.state === "open",
          ),
        ),
      )
      .catch(() => undefined);
  }, [call.outcome, call.merchant]);
  return (
    <section
      className="mx-auto max-w-xl rounded-3xl border border-slate-200 bg-white p-6 shadow-sm"
      data-testid="shopper-ended"
      data-outcome={call.outcome}
    >
      <h1 className="text-xl font-semibold" data-testid="shopper-outcome">
        {placed ? "Thank you for your order!" : call.outcomeText}
      </h1>
      {placed && call.order && (
        <p className="mt-2 text-slate-700" data-testid="order-placed">
          Order <strong className="tabular">{call.order.reference}</strong> is placed; payment is due.{" "}
          <Link href={`/mall/orders/${call.order.id}`} className="font-medium text-brand-700 underline">
            See the confirmation
          </Link>
        </p>
      )}
      {others.length > 0 && (
        <p className="mt-3 text-slate-700" data-testid="suggestions">
          An agent is free now at{" "}
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
      {call.outcome !== "completed" && (
        <div className="mt-4">
          <MessageOffer merchant={call.merchant} signedIn={signedIn} maxSeconds={maxSeconds} reason={null} />
        </div>
      )}
      <div className="mt-5 flex flex-wrap gap-3">
        <Link href={`/mall/${call.merchant.slug}`} className="rounded-lg border border-slate-300 px-4 py-2 font-medium hover:bg-slate-50">
          Back to {call.merchant.name}
        </Link>
        <Link href="/mall" className="rounded-lg px-4 py-2 font-medium text-slate-700 hover:bg-slate-100">
          The mall
        </Link>
      </div>
    </section>
  );
}
