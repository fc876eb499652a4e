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

/** The name from each word on: " chloe dubois" -> ["chloe dubois", "dubois"]. */
export function nameWords(displayName: string): string[] {
  const words = normalizeText(displayName).split(" ").filter(Boolean);
  return [...new Set(words.map((_, i) => words.slice(i).join(" ")))].slice(0, 8);
}

/** Every suffix of two or more digits: a run of digits anywhere in the number is a prefix of one. */
export function numberSuffixes(digits: string): string[] {
  const out: string[] = [];
  for (let i = 0; i <= digits.length - 2; i++) out.push(digits.slice(i));
  return [...new Set(out)];
}

/** Upper bound for a prefix range scan: keys are [a-z0-9 ], all below "~". */
export function prefixRange(prefix: string): { gte: string; lt: string } {
  return { gte: prefix, lt: `${prefix}~` };
}
