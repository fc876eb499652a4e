import ICAL from "ical.js";
import { DomainError } from "../errors";
import { isValidNumber } from "../numbers/format";
import { toKeypadDigits } from "../numbers/keypad";

/**
 * vCard (RFC 6350) for the address book, through ical.js (Mozilla's iCalendar and vCard library,
 * which also reads vCard 3.0, RFC 2426). Pure: text in, values out.
 *
 * A contact is written as vCard 4.0:
 *
 *   FN                 the member's display name
 *   NICKNAME           the owner's private nickname for them (when set)
 *   TEL;VALUE=TEXT;TYPE=x-portal
 *                      the portal number as shown ("2345 6789 0123"): it is not a telephone number,
 *                      so not a tel: URI, and the x-portal type says which TEL is ours
 *   URL                the member's static address, <PUBLIC_URL>/<handle>
 *   X-PORTAL-HANDLE    the handle, for portals reading their own export
 *   NOTE               the owner's private note
 *   CATEGORIES         the names of the owner's groups the contact is filed in
 *   X-PORTAL-FAVOURITE TRUE when starred
 *
 * Reading accepts 3.0 and 4.0 cards (folded lines, escapes, Apple's item1. groups, Google's
 * myContacts/starred categories) and finds the member by the handle property, then the portal
 * address in a URL, then a 12-digit number in a TEL.
 */

export const MAX_VCARD_BYTES = 1024 * 1024;
export const MAX_VCARD_CARDS = 1000;

/** One entry of the owner's book, as written to a card. */
export type VcardContact = {
  handle: string;
  displayName: string;
  /** The 12 digits, or null for a member without a number. */
  number: string | null;
  nickname: string;
  note: string;
  favourite: boolean;
  groups: string[];
};

/** What one card of an imported file says, and how it may be matched to a member. */
export type VcardCandidate = {
  /** 1-based position of the card in the file. */
  card: number;
  /** FN (or N, or ORG) as written: for the report. */
  name: string;
  handle: string | null;
  /** Valid 12-digit portal numbers found in TEL properties, the x-portal one first. */
  numbers: string[];
  nickname: string;
  note: string;
  groups: string[];
  favourite: boolean;
};

const PRODID = "-//Portal//Address book export//EN";
const HANDLE = /^[a-z0-9][a-z0-9._-]{0,63}$/;
/** Google's own groups in its exports: every contact is in "myContacts"; "starred" is its favourite. */
const GOOGLE_ALL = new Set(["mycontacts"]);
const GOOGLE_STARRED = new Set(["starred"]);

type JProp = [string, Record<string, string | string[]>, string, ...unknown[]];
type JCard = ["vcard", JProp[], unknown[]];

/** The address a member is found at: the portal's origin and "/<handle>". */
export function memberAddress(publicUrl: string, handle: string): string {
  return new URL(`/${encodeURIComponent(handle)}`, publicUrl).toString();
}

/** The address book as one .vcf text: a vCard 4.0 per contact, CRLF line ends, lines folded at 75 octets. */
export function writeVcards(contacts: VcardContact[], opts: { publicUrl: string }): string {
  const previous = ICAL.foldLength;
  // ical.js puts foldLength octets on each line and a space before each continuation: 74 keeps
  // every physical line, the space included, within RFC 6350's 75 octets.
  ICAL.foldLength = 74;
  try {
    return contacts.map((c) => new ICAL.Component(cardFor(c, opts.publicUrl)).toString() + "\r\n").join("");
  } finally {
    ICAL.foldLength = previous;
  }
}

function cardFor(c: VcardContact, publicUrl: string): JCard {
  const props: JProp[] = [
    // VERSION first: RFC 6350 asks for it, and ical.js picks its 4.0 rules by it.
    ["version", {}, "text", "4.0"],
    // "unknown": written as it is, with no VALUE parameter (ical.js' vCard 4.0 rules lack PRODID).
    ["prodid", {}, "unknown", PRODID],
    ["kind", {}, "text", "individual"],
    ["fn", {}, "text", c.displayName],
  ];
  if (c.nickname) props.push(["nickname", {}, "text", c.nickname]);
  if (c.number) props.push(["tel", { type: "x-portal" }, "text", formatDigits(c.number)]);
  props.push(["url", {}, "uri", memberAddress(publicUrl, c.handle)]);
  props.push(["x-portal-handle", {}, "unknown", c.handle]);
  if (c.note) props.push(["note", {}, "text", c.note]);
  if (c.groups.length) props.push(["categories", {}, "text", ...c.groups]);
  if (c.favourite) props.push(["x-portal-favourite", {}, "unknown", "TRUE"]);
  return ["vcard", props, []];
}

const formatDigits = (d: string) => `${d.slice(0, 4)} ${d.slice(4, 8)} ${d.slice(8, 12)}`;

const bad = (message: string) => new DomainError("VALIDATION_FAILED", message, { field: "file" });

/**
 * The cards of a .vcf text, each with what could find its member. Refuses, changing nothing, a text
 * that is not vCard at all, that holds no card, or more than `maxCards`.
 */
export function readVcards(text: string, opts: { publicUrl: string; maxCards?: number }): VcardCandidate[] {
  const maxCards = opts.maxCards ?? MAX_VCARD_CARDS;
  const body = text.replace(/^\uFEFF/, "");
  if (!/^\s*BEGIN:VCARD\s*$/im.test(body)) throw bad("This is not a vCard file: it holds no BEGIN:VCARD.");
  // Counted before parsing, so a file of a million tiny cards is refused cheaply.
  const count = body.match(/^BEGIN:VCARD[ \t]*\r?$/gim)?.length ?? 0;
  if (count > maxCards) {
    throw new DomainError(
      "PAYLOAD_TOO_LARGE",
      `The file holds ${count.toLocaleString("en")} cards; at most ${maxCards.toLocaleString("en")} at a time.`,
      {
        field: "file",
        limitCards: maxCards,
      },
    );
  }
  let parsed: unknown;
  try {
    parsed = ICAL.parse(normalizeLines(body));
  } catch (err) {
    throw bad(`This vCard file could not be read: ${err instanceof Error ? err.message : "invalid"}.`);
  }
  const list = (isComponent(parsed) ? [parsed] : Array.isArray(parsed) ? parsed : []) as unknown[];
  const cards = list.filter((c): c is JCard => isComponent(c) && c[0] === "vcard");
  // Counted again once parsed: a folded BEGIN line slips past the count on the raw text.
  if (cards.length > maxCards) {
    throw new DomainError(
      "PAYLOAD_TOO_LARGE",
      `The file holds more than ${maxCards.toLocaleString("en")} cards; at most that many at a time.`,
      {
        field: "file",
        limitCards: maxCards,
      },
    );
  }
  if (list.length !== cards.length) throw bad("This file holds something other than vCards (a calendar?).");
  if (!cards.length) throw bad("This vCard file holds no card.");
  return cards.map((c, i) => candidateOf(c, i + 1, opts.publicUrl));
}

const isComponent = (v: unknown): v is [string, unknown[], unknown[]] =>
  Array.isArray(v) && typeof v[0] === "string" && Array.isArray(v[1]);

// Stand-ins for "\;" and "\:" while ical.js reads the text (private-use characters, dropped from the input).
const SEMI = "\uE000";
const COLON = "\uE001";

/**
 * Lines unfolded, blank ones dropped (some exporters put one between cards), and the escapes
 * ical.js leaves as they are in vCard text that is not structured ("\;", which 3.0 exporters
 * write and 4.0 allows, and Apple's "\:" in URLs) turned into stand-ins that textOf turns back:
 * done here, on the raw value, because after ical.js' own unescaping "\;" and an escaped
 * backslash before a ";" look the same.
 */
function normalizeLines(text: string): string {
  return text
    .replace(/[\uE000\uE001]/g, "")
    .replace(/\r\n[ \t]|\n[ \t]|\r[ \t]/g, "")
    .split(/\r\n|\r|\n/)
    .filter((l) => l !== "")
    .map(standInEscapes)
    .join("\r\n");
}

function standInEscapes(line: string): string {
  // The value starts at the first ":" outside a quoted parameter value.
  let quoted = false;
  let at = -1;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '"') quoted = !quoted;
    else if (c === ":" && !quoted) {
      at = i;
      break;
    }
  }
  if (at < 0 || !line.includes("\\", at)) return line;
  // Pairs left to right, so "\\;" is an escaped backslash and then a ";".
  const value = line.slice(at + 1).replace(/\\([\s\S])/g, (pair, c: string) => (c === ";" ? SEMI : c === ":" ? COLON : pair));
  return line.slice(0, at + 1) + value;
}

function candidateOf(card: JCard, position: number, publicUrl: string): VcardCandidate {
  const props = card[1];
  const all = (name: string) => props.filter((p) => p[0] === name);
  const texts = (name: string) => all(name).flatMap((p) => p.slice(3).map(textOf));
  const first = (name: string) =>
    texts(name)
      .find((v) => v.trim() !== "")
      ?.trim() ?? "";

  const categories = texts("categories")
    .map((g) => g.trim().replace(/\s+/g, " "))
    .filter(Boolean);
  const starred = categories.some((g) => GOOGLE_STARRED.has(g.toLowerCase()));
  const groups = [
    ...new Map(
      categories.filter((g) => !GOOGLE_ALL.has(g.toLowerCase()) && !GOOGLE_STARRED.has(g.toLowerCase())).map((g) => [g.toLowerCase(), g]),
    ).values(),
  ];
  const favouriteProp = first("x-portal-favourite").toLowerCase();

  return {
    card: position,
    name: first("fn") || nameFromN(all("n")[0]) || first("org") || first("nickname"),
    handle: handleOf(first("x-portal-handle")) ?? handleFromUrls(texts("url"), publicUrl),
    numbers: numbersOf(all("tel")),
    nickname: first("nickname"),
    note: texts("note").join("\n").trim(),
    groups,
    favourite: starred || favouriteProp === "true",
  };
}

/** A value as text, with the stand-ins of normalizeLines back as ";" and ":". */
function textOf(v: unknown): string {
  const s = Array.isArray(v) ? v.map(textOf).join(" ") : typeof v === "string" ? v : v == null ? "" : String(v);
  return s.replaceAll(SEMI, ";").replaceAll(COLON, ":");
}

function nameFromN(n: JProp | undefined): string {
  const parts = n?.[3];
  if (!Array.isArray(parts)) return typeof parts === "string" ? textOf(parts).replace(/;/g, " ").trim() : "";
  // family; given; additional; prefix; suffix -> "prefix given additional family suffix"
  const [family, given, additional, prefix, suffix] = parts.map(textOf);
  return [prefix, given, additional, family, suffix]
    .filter((p) => p && p.trim())
    .join(" ")
    .trim();
}

function handleOf(value: string): string | null {
  const h = value.trim().replace(/^[@/]/, "").toLowerCase();
  return HANDLE.test(h) ? h : null;
}

/** A handle from a URL on the portal's own host: "<PUBLIC_URL>/<handle>" (either scheme, a trailing slash allowed). */
function handleFromUrls(urls: string[], publicUrl: string): string | null {
  const home = new URL(publicUrl);
  for (const raw of urls) {
    let url: URL;
    try {
      url = new URL(raw.trim());
    } catch {
      continue;
    }
    if ((url.protocol !== "http:" && url.protocol !== "https:") || url.host !== home.host) continue;
    const m = /^\/([^/]+)\/?$/.exec(url.pathname);
    if (!m) continue;
    let segment: string;
    try {
      segment = decodeURIComponent(m[1]!);
    } catch {
      continue;
    }
    const h = handleOf(segment);
    if (h) return h;
  }
  return null;
}

/**
 * Portal numbers among the TELs: 12 digits (any spacing, keypad letters allowed) starting 2-9. A
 * number written internationally ("+44 20 7946 0958", "0044…") or as a tel: URI with "+" is a
 * telephone number, never ours, even when it has 12 digits.
 */
function numbersOf(tels: JProp[]): string[] {
  const ours: string[] = [];
  const others: string[] = [];
  for (const p of tels) {
    const types = [p[1].type ?? []].flat().map((t) => t.toLowerCase());
    for (const v of p.slice(3)) {
      const raw = textOf(v).trim().replace(/^tel:/i, "").replace(/;.*$/, "");
      if (!raw || raw.startsWith("+") || raw.startsWith("00") || !/\d/.test(raw)) continue;
      const keypad = toKeypadDigits(raw);
      if (!keypad.ok || !isValidNumber(keypad.digits)) continue;
      (types.includes("x-portal") ? ours : others).push(keypad.digits);
    }
  }
  return [...new Set([...ours, ...others])];
}
