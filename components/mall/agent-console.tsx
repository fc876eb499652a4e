"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import type { ConsoleState } from "@/lib/mall/console";
import type { AgentCallView } from "@/lib/mall/views";
import { ApiError, apiGet, apiSend } from "../api";
import { preloadRingtone, startRingtone } from "../calls/ringtone";
import { useMemberEvent } from "../calls/use-member-event";
import { AgentCall } from "./agent-call";

const KEY = ["console"];

/** The sales agent's console: available or away, incoming calls that ring, and the call in progress. */
export function AgentConsole({ initial }: { initial: ConsoleState }) {
  const qc = useQueryClient();
  useEffect(preloadRingtone, []);
  const { data: state = initial } = useQuery({
    queryKey: KEY,
    queryFn: ({ signal }) => apiGet<ConsoleState>("/api/console", signal),
    initialData: initial,
    refetchInterval: 10_000,
  });
  const patch = (fn: (s: ConsoleState) => ConsoleState) => qc.setQueryData<ConsoleState>(KEY, (s) => (s ? fn(s) : s));
  const [notice, setNotice] = useState<string | null>(initial.notice);
  const [error, setError] = useState<string | null>(null);
  const [ended, setEnded] = useState<AgentCallView | null>(null);

  useMemberEvent("mall-ring", (c) => patch((s) => ({ ...s, ringing: [...s.ringing.filter((r) => r.id !== c.id), c] })));
  useMemberEvent("mall-ring-stop", ({ callId }) => patch((s) => ({ ...s, ringing: s.ringing.filter((r) => r.id !== callId) })));
  useMemberEvent("mall-console", (e) => {
    patch((s) => ({ ...s, status: e.status }));
    setNotice(e.notice);
  });
  useMemberEvent("mall-order", (e) => patch((s) => (s.current?.id === e.callId ? { ...s, current: { ...s.current, order: e.order } } : s)));
  useMemberEvent("mall-agent-call", (c) => {
    if (c.status === "ended") {
      patch((s) => (s.current?.id === c.id ? { ...s, current: null } : s));
      if (state.current?.id === c.id || ended?.id === c.id) setEnded(c);
    } else patch((s) => (s.current?.id === c.id ? { ...s, current: c } : s));
  });

  const ringing = state.ringing.length > 0 && !state.current;
  useEffect(() => {
    if (!ringing) return;
    return startRingtone();
  }, [ringing]);

  async function setStatus(status: "available" | "away") {
    setError(null);
    try {
      qc.setQueryData(KEY, await apiSend<ConsoleState>("PUT", "/api/console", { status }));
      if (status === "available") setNotice(null);
    } catch (err) {
      setError(err instanceof ApiError ? err.message : "Could not change your status; try again.");
    }
  }

  async function answer(call: AgentCallView, action: "accept" | "decline") {
    setError(null);
    try {
      const res = await apiSend<AgentCallView | { ok: true }>("POST", `/api/console/calls/${call.id}/${action}`, {});
      patch((s) => ({
        ...s,
        ringing: s.ringing.filter((r) => r.id !== call.id),
        current: action === "accept" ? (res as AgentCallView) : s.current,
      }));
      setEnded(null);
    } catch (err) {
      patch((s) => ({ ...s, ringing: s.ringing.filter((r) => r.id !== call.id) }));
      setError(err instanceof ApiError ? err.message : "That did not go through.");
    }
  }

  const available = state.status === "available";
  return (
    <div className="mx-auto max-w-6xl">
      <header className="flex flex-wrap items-center gap-4 rounded-2xl border border-slate-200 bg-white p-4">
        <div className="min-w-0 flex-1">
          <h1 className="text-xl font-semibold">Agent console</h1>
          <p className="text-sm text-slate-600">{state.shops.map((s) => `${s.name} (${s.role})`).join(" · ")}</p>
        </div>
        <div
          role="radiogroup"
          aria-label="Your status"
          className="flex overflow-hidden rounded-full border border-slate-300"
          data-testid="agent-status"
          data-status={state.current ? "busy" : state.status}
        >
          {(["available", "away"] as const).map((s) => (
            <button
              key={s}
              type="button"
              role="radio"
              aria-checked={state.status === s}
              onClick={() => void setStatus(s)}
              data-testid={`set-${s}`}
              // In a call the agent is not available, whatever they chose: green would say otherwise.
              className={`px-4 py-2 text-sm font-semibold ${state.status === s ? (s === "available" ? (state.current ? "bg-amber-100 text-amber-900" : "bg-emerald-700 text-white") : "bg-slate-700 text-white") : "bg-white text-slate-700 hover:bg-slate-100"}`}
            >
              {s === "available" ? "Available" : "Away"}
            </button>
          ))}
        </div>
        {state.current && <span className="rounded-full bg-amber-100 px-3 py-1 text-sm font-semibold text-amber-900">Busy: in a call</span>}
      </header>
      {notice && (
        <p role="alert" className="mt-3 rounded-xl bg-amber-50 px-4 py-3 text-amber-900" data-testid="console-notice">
          {notice}
        </p>
      )}
      {error && (
        <p role="alert" className="mt-3 rounded-xl bg-rose-50 px-4 py-3 text-rose-800">
          {error}
        </p>
      )}

      {!state.current &&
        state.ringing.map((c) => (
          <section
            key={c.id}
            aria-label={`Incoming call from ${c.shopper.name}`}
            data-testid="console-ring"
            className="mt-4 flex flex-wrap items-center gap-4 rounded-2xl border-2 border-emerald-500 bg-emerald-50 p-4 shadow-lg"
          >
            <span className="relative flex h-12 w-12 items-center justify-center rounded-full bg-emerald-700 text-white" aria-hidden="true">
              <span className="absolute inset-0 motion-safe:animate-ping rounded-full bg-emerald-400 opacity-40" />☎
            </span>
            <div className="min-w-0 flex-1">
              <p className="font-semibold" data-testid="ring-shopper">
                {c.kind === "callback" ? "Call back: " : ""}
                {c.shopper.name}
                {c.shopper.guest ? " (guest)" : " (member)"}
              </p>
              <p className="text-sm text-slate-700">
                For {c.merchant.name} · from{" "}
                <span className="font-mono" data-testid="ring-from">
                  {c.shopper.fromPath}
                </span>
              </p>
              <p className="text-sm text-slate-700" data-testid="ring-age">
                {c.shopper.ageKnown ? "Age known (registered birth date)" : "Age unknown (guest)"}
              </p>
            </div>
            <button
              type="button"
              onClick={() => void answer(c, "accept")}
              data-testid="accept-ring"
              className="rounded-full bg-emerald-700 px-5 py-2 font-semibold text-white hover:bg-emerald-800"
            >
              Accept
            </button>
            <button
              type="button"
              onClick={() => void answer(c, "decline")}
              data-testid="decline-ring"
              className="rounded-full bg-rose-600 px-5 py-2 font-semibold text-white hover:bg-rose-700"
            >
              Decline
            </button>
          </section>
        ))}

      {state.current ? (
        <AgentCall
          call={state.current}
          onCall={(c) => patch((s) => ({ ...s, current: c }))}
          onEnded={(c) => {
            setEnded(c);
            patch((s) => ({ ...s, current: null }));
          }}
        />
      ) : ended ? (
        <section className="mt-4 rounded-2xl border border-slate-200 bg-white p-4" data-testid="console-ended">
          <p className="font-semibold">Call with {ended.shopper.name} ended.</p>
          {ended.order && (
            <p className="text-sm text-slate-700" data-testid="console-ended-order">
              Order {ended.order.reference}: {ended.order.status === "placed" ? "placed, payment due" : "no sale"}.{" "}
              <a className="underline" href={`/mall/orders/${ended.order.id}`}>
                Open the order
              </a>
            </p>
          )}
          <button type="button" onClick={() => setEnded(null)} className="mt-2 rounded-lg border border-slate-300 px-3 py-1.5 text-sm">
            Dismiss
          </button>
        </section>
      ) : (
        state.ringing.length === 0 && (
          <section
            className="mt-6 rounded-2xl border border-dashed border-slate-300 p-10 text-center text-slate-600"
            data-testid="console-idle"
          >
            {available ? "You are available. Calls from shoppers ring here." : "You are away: set yourself available to take calls."}
          </section>
        )
      )}
    </div>
  );
}
