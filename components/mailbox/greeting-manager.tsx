"use client";

import { useState } from "react";
import type { GreetingView } from "@/lib/mailbox/greetings";
import { Recorder } from "./recorder";
import { When } from "@/components/when";

/** The owner's greetings: the standard one, and a temporary one (holidays...) that overrides it until a date. */
export function GreetingManager({ initial, maxSeconds }: { initial: GreetingView[]; maxSeconds: number }) {
  const [greetings, setGreetings] = useState(initial);
  const [recording, setRecording] = useState<null | "standard" | "temporary">(null);
  const [endsAt, setEndsAt] = useState("");
  const [error, setError] = useState<string | null>(null);

  async function refresh() {
    const res = await fetch("/api/mailbox/greeting");
    if (res.ok) setGreetings(((await res.json()) as { greetings: GreetingView[] }).greetings);
  }
  async function remove(slot: "standard" | "temporary") {
    setError(null);
    const res = await fetch(`/api/mailbox/greeting?slot=${slot}`, { method: "DELETE" });
    if (!res.ok) setError("The greeting could not be removed; try again.");
    await refresh();
  }

  const slots = [
    { slot: "standard" as const, title: "Greeting", help: "Callers see it before they record a message." },
    { slot: "temporary" as const, title: "Temporary greeting", help: "Plays instead of the greeting until the date you choose." },
  ];
  return (
    <section
      aria-labelledby="greetings-title"
      className="mt-8 rounded-2xl border border-slate-200 bg-white p-4 sm:p-5"
      data-testid="greetings"
    >
      <h2 id="greetings-title" className="text-lg font-semibold">
        Your greetings
      </h2>
      {error && (
        <p role="alert" className="mt-2 text-sm text-rose-700">
          {error}
        </p>
      )}
      <div className="mt-3 grid gap-4 md:grid-cols-2">
        {slots.map(({ slot, title, help }) => {
          const g = greetings.find((x) => x.slot === slot);
          return (
            <div key={slot} className="rounded-xl bg-slate-50 p-4" data-testid={`greeting-${slot}`}>
              <h3 className="font-medium">{title}</h3>
              <p className="text-sm text-slate-600">{help}</p>
              {g ? (
                <>
                  {g.kind === "video" ? (
                    <video
                      src={g.url}
                      controls
                      playsInline
                      className="mt-2 aspect-video w-full rounded-lg bg-slate-900"
                      data-testid="saved-greeting"
                    />
                  ) : (
                    <audio src={g.url} controls className="mt-2 w-full" data-testid="saved-greeting" />
                  )}
                  {g.endsAt && (
                    <p className="mt-1 text-sm text-slate-600">
                      Until <When iso={g.endsAt} />
                    </p>
                  )}
                </>
              ) : (
                <p className="mt-2 text-sm italic text-slate-600">None recorded.</p>
              )}
              {recording === slot ? (
                <div className="mt-3">
                  {slot === "temporary" && (
                    <label className="mb-2 block text-sm font-medium">
                      Plays until
                      <input
                        type="datetime-local"
                        value={endsAt}
                        onChange={(e) => setEndsAt(e.target.value)}
                        required
                        className="mt-1 block rounded-lg border border-slate-300 px-2 py-1"
                      />
                    </label>
                  )}
                  {slot === "temporary" && !endsAt ? (
                    <p className="text-sm text-slate-600">Choose until when it plays, then record.</p>
                  ) : (
                    <Recorder
                      target={{ purpose: "greeting", slot, endsAt: endsAt ? new Date(endsAt).toISOString() : undefined }}
                      maxSeconds={maxSeconds}
                      onSent={() => {
                        setRecording(null);
                        void refresh();
                      }}
                    />
                  )}
                  <button type="button" onClick={() => setRecording(null)} className="mt-2 text-sm text-slate-600 underline">
                    Cancel
                  </button>
                </div>
              ) : (
                <div className="mt-3 flex gap-2">
                  <button
                    type="button"
                    onClick={() => setRecording(slot)}
                    className="rounded-lg bg-brand-600 px-3 py-1.5 text-sm font-semibold text-white hover:bg-brand-700"
                  >
                    {g ? "Record again" : "Record"}
                    {/* Two slots, two buttons: each says which greeting it records. */}
                    <span className="sr-only"> ({title.toLowerCase()})</span>
                  </button>
                  {g && (
                    <button
                      type="button"
                      onClick={() => remove(slot)}
                      className="rounded-lg border border-slate-300 px-3 py-1.5 text-sm font-medium hover:bg-white"
                    >
                      Remove<span className="sr-only"> ({title.toLowerCase()})</span>
                    </button>
                  )}
                </div>
              )}
            </div>
          );
        })}
      </div>
    </section>
  );
}
