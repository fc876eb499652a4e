import type { Email } from "../mailbox/notify";

export type DigestConversation = { name: string; count: number; latest: string[] };
export type DigestMissed = { name: string; count: number };

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? "" : "s"}`;
const listed = (names: string[]) =>
  names.length <= 2 ? names.join(" and ") : `${names.slice(0, 2).join(", ")} and ${names.length - 2} more`;

function subjectOf(conversations: DigestConversation[], missed: DigestMissed[]): string {
  const total = conversations.reduce((n, c) => n + c.count, 0);
  const calls = missed.reduce((n, c) => n + c.count, 0);
  if (calls === 0) return `${plural(total, "unread message")} from ${listed(conversations.map((c) => c.name))}`;
  if (total === 0) return `${plural(calls, "missed call")} from ${listed(missed.map((c) => c.name))}`;
  return `${plural(total, "unread message")} and ${plural(calls, "missed call")}`;
}

/**
 * The digest's words: who wrote, how many, the latest lines of each, and who called; links to read,
 * to see the calls, and to stop these.
 */
export function digestEmail(
  to: { email: string; displayName: string },
  conversations: DigestConversation[],
  missed: DigestMissed[],
  links: { read: string; calls: string; off: string },
): Email {
  const lines = conversations.flatMap((c) => [
    `${c.name} (${c.count} unread):`,
    ...c.latest.map((t) => `  “${t.length > 140 ? `${t.slice(0, 139)}…` : t}”`),
    ...(c.count > c.latest.length ? [`  …and ${c.count - c.latest.length} more`] : []),
    "",
  ]);
  return {
    to: to.email,
    subject: subjectOf(conversations, missed),
    text: [
      `Hello ${to.displayName},`,
      "",
      "While you were away:",
      "",
      ...lines,
      ...(conversations.length ? [`Read and answer: ${links.read}`, ""] : []),
      ...(missed.length
        ? [
            "Missed calls:",
            ...missed.map((c) => `  ${c.name}${c.count > 1 ? ` (${c.count} calls)` : ""}`),
            "",
            `Call back: ${links.calls}`,
            "",
          ]
        : []),
      "You get one of these after 10 minutes away, and no other until you have been back.",
      `Stop these emails: ${links.off}`,
      "",
    ].join("\n"),
  };
}
