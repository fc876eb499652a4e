"use client";

export type SaveState = "saving" | "conflict" | "failed" | "dirty" | "saved" | "never" | "clean";

const STATUS: Record<SaveState, { text: string; className: string }> = {
  saving: { text: "Saving…", className: "text-slate-700" },
  conflict: { text: "Not saved", className: "text-red-700" },
  failed: { text: "Not saved", className: "text-red-700" },
  dirty: { text: "Unsaved changes", className: "text-amber-800" },
  saved: { text: "Saved", className: "text-emerald-800" },
  never: { text: "Nothing saved yet: the default applies", className: "text-slate-700" },
  clean: { text: "All changes saved", className: "text-slate-700" },
};

type Props = {
  state: SaveState;
  dirty: boolean;
  error: string | null;
  conflict: boolean;
  overwriting: boolean;
  onLoadTheirs: () => void;
  onKeepMine: () => void;
};

/** Stays at the bottom of the screen while the form is long, so the state of the save is always in view. */
export function SaveBar({ state, dirty, error, conflict, overwriting, onLoadTheirs, onKeepMine }: Props) {
  const s = STATUS[state];
  return (
    <div className="sticky bottom-0 z-10 -mx-4 border-t border-slate-200 bg-white/95 px-4 py-3 backdrop-blur sm:mx-0 sm:rounded-2xl sm:border sm:shadow-sm">
      {conflict && (
        <div
          role="alert"
          className="mb-3 rounded-xl border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950"
          data-testid="save-conflict"
        >
          <p className="font-semibold">Your rules were changed on another device (or in another tab) while you were editing.</p>
          <p className="mt-1">Nothing was saved. Your changes here are still on screen.</p>
          <div className="mt-2 flex flex-wrap gap-2">
            <button
              type="button"
              onClick={onLoadTheirs}
              className="rounded-lg bg-amber-900 px-3 py-1.5 font-semibold text-white hover:bg-amber-950"
              data-testid="conflict-load"
            >
              Load their version
            </button>
            <button
              type="button"
              onClick={onKeepMine}
              className="rounded-lg border border-amber-900 bg-white px-3 py-1.5 font-semibold text-amber-950 hover:bg-amber-100"
              data-testid="conflict-keep"
            >
              Keep editing mine
            </button>
          </div>
          <p className="mt-2 text-xs">Loading theirs discards your changes here; keeping yours and saving replaces theirs.</p>
        </div>
      )}
      {error && !conflict && (
        <p role="alert" className="mb-2 text-sm text-red-700" data-testid="save-error">
          {error}
        </p>
      )}
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
        <button
          type="submit"
          disabled={state === "saving" || (!dirty && !error)}
          className="rounded-lg bg-brand-700 px-5 py-2 font-semibold text-white hover:bg-brand-900 disabled:opacity-60"
          data-testid="save-rules"
        >
          {state === "saving" ? "Saving…" : "Save rules"}
        </button>
        <p role="status" className={`text-sm font-medium ${s.className}`} data-testid="save-status">
          {s.text}
          {overwriting && state === "dirty" && (
            <span className="font-normal text-slate-700"> (saving replaces the other device&apos;s version)</span>
          )}
        </p>
      </div>
    </div>
  );
}
