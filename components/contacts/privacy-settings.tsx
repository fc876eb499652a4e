"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useId } from "react";
import type { Audience, Detail } from "@/lib/presence/visibility";
import { apiGet, apiSend } from "../api";
import { useAction } from "../use-action";
import { contactKeys } from "./use-book";

type Choice = { audience: Audience; everyoneDetail: Detail; contactDetail: Detail };

const AUDIENCE_TEXT: Record<Audience, { title: string; help: string }> = {
  everyone: { title: "Everyone", help: "Anyone who finds you in the directory or on your page." },
  contacts: { title: "Contacts only", help: "Only people you accepted; everyone else sees you offline." },
  nobody: { title: "Nobody", help: "You always appear offline; calls still reach you." },
};

/** Who sees the member's presence, and how much: the server applies it to every status it sends. */
export function PrivacySettings() {
  const qc = useQueryClient();
  const id = useId();
  const q = useQuery({ queryKey: contactKeys.visibility, queryFn: ({ signal }) => apiGet<Choice>("/api/presence/visibility", signal) });
  const act = useAction();
  // Shown chosen at once; the server's answer replaces it, and a refusal puts back what it holds.
  const set = (patch: Partial<Choice>) => {
    const before = q.data;
    if (before) qc.setQueryData(contactKeys.visibility, { ...before, ...patch });
    void act.run(async () => {
      try {
        qc.setQueryData(contactKeys.visibility, await apiSend<Choice>("PUT", "/api/presence/visibility", patch));
      } catch (err) {
        void qc.invalidateQueries({ queryKey: contactKeys.visibility });
        throw err;
      }
    });
  };
  return (
    <section aria-labelledby={`${id}-t`} className="rounded-2xl border border-slate-200 bg-white p-4" data-testid="privacy">
      <h2 id={`${id}-t`} className="font-semibold">
        Who sees when you are online
      </h2>
      {q.isPending ? (
        <div className="mt-2 h-24 animate-pulse rounded bg-slate-100" role="status" aria-label="Loading your settings" />
      ) : q.isError ? (
        <p role="alert" className="mt-2 text-sm text-rose-700">
          Your settings could not be loaded.
        </p>
      ) : (
        <>
          <fieldset className="mt-2 space-y-1.5">
            <legend className="sr-only">Who sees your presence</legend>
            {(Object.keys(AUDIENCE_TEXT) as Audience[]).map((a) => (
              <label key={a} className="flex items-start gap-2 text-sm">
                <input
                  type="radio"
                  name={`${id}-aud`}
                  value={a}
                  checked={q.data.audience === a}
                  onChange={() => set({ audience: a })}
                  className="mt-1"
                  data-testid={`audience-${a}`}
                  disabled={act.busy}
                />
                <span>
                  <span className="font-medium">{AUDIENCE_TEXT[a].title}</span>
                  <span className="block text-slate-600">{AUDIENCE_TEXT[a].help}</span>
                </span>
              </label>
            ))}
          </fieldset>
          <div className="mt-3 grid gap-2 sm:grid-cols-2">
            <DetailSelect
              label="What contacts see"
              value={q.data.contactDetail}
              onChange={(d) => set({ contactDetail: d })}
              testId="contact-detail"
              disabled={act.busy}
            />
            {q.data.audience === "everyone" && (
              <DetailSelect
                label="What everyone else sees"
                value={q.data.everyoneDetail}
                onChange={(d) => set({ everyoneDetail: d })}
                testId="everyone-detail"
                disabled={act.busy}
              />
            )}
          </div>
          <p className="mt-2 text-xs text-slate-600">
            A group can say otherwise (Groups), and you can appear offline to anyone (Edit on a contact).
          </p>
        </>
      )}
      {act.error && (
        <p role="alert" className="mt-2 text-sm text-rose-700">
          {act.error}
        </p>
      )}
    </section>
  );
}

function DetailSelect({
  label,
  value,
  onChange,
  testId,
  disabled,
}: {
  label: string;
  value: Detail;
  onChange: (d: Detail) => void;
  testId: string;
  disabled: boolean;
}) {
  return (
    <label className="text-sm">
      <span className="font-medium">{label}</span>
      <select
        value={value}
        disabled={disabled}
        onChange={(e) => onChange(e.target.value as Detail)}
        className="mt-1 block w-full rounded-lg border border-slate-300 px-2 py-1.5"
        data-testid={testId}
      >
        <option value="full">Everything (away, busy…)</option>
        <option value="basic">Online or offline only</option>
      </select>
    </label>
  );
}
