"use client";

import { useHydrated } from "./use-hydrated";

const OPTIONS = {
  datetime: { dateStyle: "medium", timeStyle: "short" },
  date: { dateStyle: "medium" },
  month: { month: "long", year: "numeric" },
  weekday: { weekday: "short", hour: "numeric", minute: "2-digit" },
} as const satisfies Record<string, Intl.DateTimeFormatOptions>;

export type WhenStyle = keyof typeof OPTIONS;

/**
 * A date and time as the member reads them: their browser's language and time zone, the same format
 * on every page. The server's HTML has it in UTC until the page is taken over (the server does not
 * know the reader's zone); `<time>` keeps the exact instant for machines.
 */
export function When({ iso, style = "datetime" }: { iso: string | Date; style?: WhenStyle }) {
  const hydrated = useHydrated();
  const d = new Date(iso);
  const text = hydrated
    ? new Intl.DateTimeFormat(undefined, OPTIONS[style]).format(d)
    : new Intl.DateTimeFormat("en", { ...OPTIONS[style], timeZone: "UTC" }).format(d) +
      (style === "month" || style === "date" ? "" : " UTC");
  return <time dateTime={d.toISOString()}>{text}</time>;
}
