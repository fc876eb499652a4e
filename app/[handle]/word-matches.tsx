import Link from "next/link";
import { NumberDisplay } from "@/components/number-display";
import type { WordOwner } from "@/lib/numbers/owners-of-word";

/** /<WORD> when several numbers show the word: who they are, to choose from. */
export function WordMatches({ word, all, listed }: { word: string; all: number; listed: WordOwner[] }) {
  const unlisted = all - listed.length;
  return (
    <div className="mx-auto max-w-xl rounded-3xl border border-slate-200 bg-white p-6 shadow-sm" data-testid="word-matches">
      <h1 className="text-2xl font-bold tracking-tight">
        {all} numbers show {word}
      </h1>
      <p className="mt-1 text-slate-700">Choose the one you mean, or use the whole number.</p>
      <ul className="mt-4 divide-y divide-slate-100">
        {listed.map((o) => (
          <li key={o.handle} className="flex items-center justify-between gap-3 py-3">
            <Link href={`/${o.handle}`} className="min-w-0 font-medium text-slate-900 hover:underline">
              {o.name}
              {o.kind === "group" && <span className="ml-2 rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-700">group</span>}
            </Link>
            <NumberDisplay spelled={o.formattedNumber} className="text-sm text-slate-700" />
          </li>
        ))}
      </ul>
      {unlisted > 0 && (
        <p className="mt-3 text-sm text-slate-600">
          {unlisted === 1 ? "One more is" : `${unlisted} more are`} not listed in the directory: dial the whole number to reach it.
        </p>
      )}
    </div>
  );
}
