import { inputClass as baseInputClass } from "../form-field";

/** Small pieces the routing forms share, so every field error and counter reads the same. */

export const fieldsetClass = "min-w-0 space-y-1.5 rounded-xl border border-slate-200 p-3";
export const legendClass = "px-1 text-sm font-semibold text-slate-900";
export const timeInputClass =
  "mt-1 rounded-lg border border-slate-300 bg-white px-3 py-2 focus:border-brand-500 aria-[invalid=true]:border-red-500";
// The default placeholder (half the text colour) reads too faint on white.
export const inputClass = `${baseInputClass} placeholder:text-slate-500`;

export function FieldError({ id, message }: { id: string; message?: string }) {
  if (!message) return null;
  return (
    <p id={id} className="mt-1 text-sm text-red-700">
      {message}
    </p>
  );
}

/** Characters used of the limit; tied to its field by aria-describedby (a live region would speak on every key). */
export function Counter({ id, length, max }: { id: string; length: number; max: number }) {
  const near = length > max * 0.9;
  return (
    <p id={id} className={`mt-1 text-right text-xs tabular ${near ? "font-semibold text-amber-800" : "text-slate-600"}`}>
      {length}/{max} characters
    </p>
  );
}
