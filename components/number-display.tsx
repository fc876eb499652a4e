/**
 * A number as "xyyy yyyy yyyy", with the letters of a vanity word standing out.
 * `spelled` is the formatted number with letters in place ("2222 22CA LLME").
 */
export function NumberDisplay({ spelled, className = "" }: { spelled: string; className?: string }) {
  return (
    <span className={`tabular font-semibold ${className}`}>
      {[...spelled].map((ch, i) =>
        /[A-Z]/.test(ch) ? (
          <span key={i} className="text-brand-600">
            {ch}
          </span>
        ) : (
          <span key={i}>{ch}</span>
        ),
      )}
    </span>
  );
}
