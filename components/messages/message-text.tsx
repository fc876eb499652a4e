import { linkify } from "@/lib/messages/linkify";

/** A message's text: line breaks kept, web addresses as links that open apart from the portal. */
export function MessageText({ text }: { text: string }) {
  return (
    <span className="whitespace-pre-wrap break-words [overflow-wrap:anywhere]">
      {linkify(text).map((r, i) =>
        "href" in r ? (
          <a key={i} href={r.href} target="_blank" rel="noopener noreferrer nofollow ugc" className="underline underline-offset-2">
            {r.text}
          </a>
        ) : (
          <span key={i}>{r.text}</span>
        ),
      )}
    </span>
  );
}
