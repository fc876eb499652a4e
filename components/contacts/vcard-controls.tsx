"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useId, useRef, useState } from "react";
import type { ImportedCard, ImportReport } from "@/lib/contacts/import-vcard";
import { ApiError, uploadFile } from "../api";

/** The server's limit (MAX_VCARD_BYTES in lib/contacts/vcard.ts), checked here first to save the upload. */
const MAX_BYTES = 1024 * 1024;

const LABELS: Record<ImportedCard["status"], string> = {
  added: "added",
  requested: "requested",
  already: "already in your book",
  "not-found": "not found",
  refused: "refused",
};

/**
 * Export the address book as a .vcf file, and import one: each card naming a member gets a
 * contact request, and the report says what became of every card. Self-contained: mount it
 * anywhere a signed-in member sees their contacts; `onImported` runs after an import that went
 * through (the book's queries, keys starting with "contacts", are invalidated anyway).
 */
export function VcardControls({ onImported }: { onImported?: () => void }) {
  const id = useId();
  const qc = useQueryClient();
  const input = useRef<HTMLInputElement>(null);
  const [progress, setProgress] = useState(0);
  const [localError, setLocalError] = useState<string | null>(null);

  const importing = useMutation({
    mutationFn: (file: File) => {
      setProgress(0);
      return uploadFile<ImportReport>("/api/contacts/vcard", file, "text/vcard; charset=utf-8", setProgress);
    },
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ["contacts"] });
      onImported?.();
    },
    onSettled: () => {
      // The same file can be chosen again (after unblocking someone, say).
      if (input.current) input.current.value = "";
    },
  });

  const error =
    localError ??
    (importing.error
      ? importing.error instanceof ApiError
        ? importing.error.message
        : "The import did not go through; try again."
      : null);
  const report = importing.data;
  const problems = report?.results.filter((r) => r.status === "not-found" || r.status === "refused" || r.warnings?.length) ?? [];

  return (
    <section aria-labelledby={`${id}-title`} className="rounded-xl border border-slate-200 p-4">
      <h2 id={`${id}-title`} className="text-base font-semibold text-slate-900">
        vCard
      </h2>
      <div className="mt-3 flex flex-wrap items-center gap-3">
        <a
          href="/api/contacts/vcard"
          download="contacts.vcf"
          className="rounded-lg bg-brand-600 px-3 py-2 text-sm font-semibold text-white hover:bg-brand-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600"
        >
          Export vCard
        </a>
        <div>
          <label htmlFor={`${id}-file`} className="block text-sm font-medium text-slate-800">
            Import vCard
          </label>
          <input
            ref={input}
            id={`${id}-file`}
            type="file"
            accept=".vcf,.vcard,text/vcard,text/x-vcard"
            disabled={importing.isPending}
            aria-describedby={`${id}-hint`}
            aria-invalid={!!error}
            className="mt-1 block text-sm file:mr-3 file:rounded-lg file:border-0 file:bg-brand-50 file:px-3 file:py-2 file:font-medium file:text-brand-700 disabled:opacity-60"
            onChange={(e) => {
              const file = e.target.files?.[0];
              setLocalError(null);
              importing.reset();
              if (!file) return;
              if (file.size > MAX_BYTES) {
                setLocalError("The file is larger than 1 MB: export fewer contacts at a time.");
                e.target.value = "";
                return;
              }
              importing.mutate(file);
            }}
          />
          <p id={`${id}-hint`} className="mt-1 text-xs text-slate-600">
            A .vcf file (vCard 3.0 or 4.0), up to 1 MB and 1,000 cards. Members it names get a contact request.
          </p>
        </div>
      </div>

      <div role="status" className="mt-3">
        {importing.isPending && (
          <p className="flex items-center gap-2 text-sm text-slate-700">
            <progress max={1} value={progress < 1 ? progress : undefined} aria-label="Importing" className="h-2 w-40" />
            {progress < 1 ? `Uploading… ${Math.round(progress * 100)}%` : "Sending requests…"}
          </p>
        )}
        {report && (
          <div className="text-sm text-slate-800">
            <p>
              {report.cards} {report.cards === 1 ? "card" : "cards"}:{" "}
              {(Object.keys(LABELS) as ImportedCard["status"][])
                .filter((s) => report.counts[s] > 0)
                .map((s) => `${report.counts[s]} ${LABELS[s]}`)
                .join(", ")}
              .
            </p>
            {problems.length > 0 && (
              <ul className="mt-2 space-y-1">
                {problems.map((r) => (
                  <li key={r.card}>
                    <span className="font-medium">{r.name || `Card ${r.card}`}</span>
                    {r.member && <span className="text-slate-600"> (@{r.member.handle})</span>}: {LABELS[r.status]}
                    {r.reason && r.status !== "already" ? ` — ${r.reason}` : ""}
                    {r.warnings?.map((w) => (
                      <span key={w} className="block text-xs text-amber-800">
                        {w}
                      </span>
                    ))}
                  </li>
                ))}
              </ul>
            )}
          </div>
        )}
      </div>
      {error && (
        <p role="alert" className="mt-3 rounded-lg bg-red-50 p-3 text-sm text-red-800">
          {error}
        </p>
      )}
    </section>
  );
}
