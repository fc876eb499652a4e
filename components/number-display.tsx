import { formatNumber } from "@/lib/numbers/format";
import { toKeypadDigits } from "@/lib/numbers/keypad";

/**
 * A number as it is shown ("2222 222 PIZZA", or "xyyy yyyy yyyy"), the letters of its word standing
 * out; a word's keypad digits on hover and for screen readers.
 */
export function NumberDisplay({
  spelled,
  className = "font-semibold",
  accent = true,
}: {
  spelled: string | null;
  className?: string;
  /** Colours the word's letters (off on dark backgrounds, where the brand colour is too dim). */
  accent?: boolean;
}) {
  if (!spelled) return null;
  const k = toKeypadDigits(spelled);
  const digits = k.ok && /[A-Z]/.test(spelled) ? formatNumber(k.digits) : null;
  return (
    <span className={`tabular ${className}`} title={digits ?? undefined} data-testid="number-display">
      {[...spelled].map((ch, i) =>
        accent && /[A-Z]/.test(ch) ? (
          <span key={i} className="text-brand-700">
            {ch}
          </span>
        ) : (
          <span key={i}>{ch}</span>
        ),
      )}
      {digits && <span className="sr-only">, keypad digits {digits}</span>}
    </span>
  );
}
