import Link from "next/link";

/** A header link with a live count beside it (mail, messages); `compact` is the phone-width copy. */
export function BadgeLink({
  href,
  label,
  shortLabel,
  count,
  compact,
  testId,
  countWord = "unread",
  tone = "bg-brand-600",
}: {
  href: string;
  label: string;
  shortLabel: string;
  count: number;
  compact?: boolean;
  testId: { link: string; count: string };
  /** What the count counts, for screen readers ("3 unread", "2 missed"). */
  countWord?: string;
  tone?: string;
}) {
  return (
    <Link
      href={href}
      data-testid={compact ? `${testId.link}-compact` : testId.link}
      className={`rounded-lg py-2 text-sm font-medium text-slate-700 hover:bg-slate-100 ${compact ? "px-2 sm:hidden" : "px-3"}`}
    >
      {/* The name is what shows, and what the count counts said aloud ("Messages, 3 unread"). */}
      {compact ? shortLabel : label}
      {count > 0 && (
        <>
          <span className="sr-only">, </span>
          <span className={`ml-1 rounded-full ${tone} px-1.5 py-0.5 text-xs font-semibold text-white`} data-testid={testId.count}>
            {count}
          </span>
          <span className="sr-only"> {countWord}</span>
        </>
      )}
    </Link>
  );
}
