import type { Email } from "../mailbox/notify";

export type DigestConversation = { name: string; count: number; latest: string[] };

/** The digest's words: who wrote, how many, the latest lines of each; a link to read and one to stop these. */
export function digestEmail(
  to: { email: string; displayName: string },
  conversations: DigestConversation[],
  links: { read: string; off: string },
): Email {
  const total = conversations.reduce((n, c) => n + c.count, 0);
  const names = conversations.map((c) => c.name);
  const who = names.length <= 2 ? names.join(" and ") : `${names.slice(0, 2).join(", ")} and ${names.length - 2} more`;
  const lines = conversations.flatMap((c) => [
    `${c.name} (${c.count} unread):`,
    ...c.latest.map((t) => `  “${t.length > 140 ? `${t.slice(0, 139)}…` : t}”`),
    ...(c.count > c.latest.length ? [`  …and ${c.count - c.latest.length} more`] : []),
    "",
  ]);
  return {
    to: to.email,
    subject: `${total} unread message${total === 1 ? "" : "s"} from ${who}`,
    text: [
      `Hello ${to.displayName},`,
      "",
      "While you were away:",
      "",
      ...lines,
      `Read and answer: ${links.read}`,
      "",
      "You get one of these after 10 minutes away, and no other until you have been back.",
      `Stop these emails: ${links.off}`,
      "",
    ].join("\n"),
  };
}
