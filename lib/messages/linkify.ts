/**
 * Splits a message's text into plain runs and links, for the page to render as text and anchors
 * (React escapes the text; nothing here is ever HTML). Only http(s) addresses become links; a bare
 * "www." gets https://. Trailing punctuation that usually ends a sentence stays outside the link,
 * and a closing parenthesis only belongs to the link when it opened one inside it.
 */
export type Run = { text: string } | { text: string; href: string };

const URL_RE = /\b(?:https?:\/\/|www\.)[^\s<>"]+/giu;

export function linkify(text: string): Run[] {
  const runs: Run[] = [];
  let at = 0;
  for (const match of text.matchAll(URL_RE)) {
    let url = match[0];
    const start = match.index;
    url = trimEnd(url);
    const href = url.toLowerCase().startsWith("www.") ? `https://${url}` : url;
    if (!isSafe(href)) continue;
    if (start > at) runs.push({ text: text.slice(at, start) });
    runs.push({ text: url, href });
    at = start + url.length;
  }
  if (at < text.length) runs.push({ text: text.slice(at) });
  return runs;
}

function trimEnd(url: string): string {
  let u = url;
  for (;;) {
    const last = u.at(-1);
    if (last && ".,;:!?'*".includes(last)) u = u.slice(0, -1);
    else if (last === ")" && count(u, "(") < count(u, ")")) u = u.slice(0, -1);
    else return u;
  }
}

const count = (s: string, c: string) => s.split(c).length - 1;

function isSafe(href: string): boolean {
  try {
    const u = new URL(href);
    return (u.protocol === "https:" || u.protocol === "http:") && u.hostname.includes(".");
  } catch {
    return false;
  }
}
