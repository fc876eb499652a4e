/** Lower case, accents removed, anything else than letters and digits turned into single spaces. */
export function normalizeText(s: string): string {
  return s
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/ß/g, "ss")
    .replace(/[øØ]/g, "o")
    .replace(/[łŁ]/g, "l")
    .replace(/[ıİ]/g, "i")
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

/** " chloe dubois": a name prefix of any word is then the substring " chlo" or " dub". */
export function nameKey(displayName: string): string {
  return ` ${normalizeText(displayName)}`;
}

export function cityKey(city: string): string {
  return normalizeText(city);
}
