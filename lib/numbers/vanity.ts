import { NUMBER_LENGTH } from "./format";

export type Position = "start" | "middle" | "end";
export const POSITIONS: readonly Position[] = ["end", "start", "middle"];

/** Where a pattern of `len` digits sits for each named position. */
export function offsetFor(position: Position, len: number): number {
  const free = NUMBER_LENGTH - len;
  if (position === "start") return 0;
  if (position === "end") return free;
  return Math.floor(free / 2);
}

export type Placement = { digits: string; spelled: string; offset: number };

/**
 * Puts `pattern` (keypad digits; `spelled` is the same with letters) at `offset`
 * and fills the other places from `fill`. Returns null when the result cannot
 * be a number (first digit 0 or 1).
 */
export function place(pattern: string, spelled: string, offset: number, fill: string): Placement | null {
  const len = pattern.length;
  if (offset < 0 || offset + len > NUMBER_LENGTH || fill.length !== NUMBER_LENGTH - len) return null;
  const digits = fill.slice(0, offset) + pattern + fill.slice(offset);
  if (!/^[2-9]/.test(digits)) return null;
  const spelledFull = fill.slice(0, offset) + spelled + fill.slice(offset);
  return { digits, spelled: spelledFull, offset };
}

/** A small deterministic generator, so a word always yields the same suggestions in the same order. */
export function seededRandom(seed: string): () => number {
  let h = 2166136261;
  for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 16777619);
  return () => {
    h += 0x6d2b79f5;
    let t = h;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Fill strings of length `n` in order of preference: memorable ones first
 * (one repeated digit, a digit then zeros), then pseudo-random ones. When the
 * fill starts the number its first digit must be 2-9.
 */
export function* fills(n: number, leading: boolean, seed: string): Generator<string> {
  if (n === 0) {
    yield "";
    return;
  }
  const seen = new Set<string>();
  const ok = (f: string) => !(leading && /^[01]/.test(f)) && !seen.has(f);
  const firstDigits = leading ? "23456789" : "0123456789";
  for (const d of firstDigits) {
    const f = d.repeat(n);
    if (ok(f)) {
      seen.add(f);
      yield f;
    }
  }
  for (const d of "23456789") {
    const f = d + "0".repeat(n - 1);
    if (ok(f)) {
      seen.add(f);
      yield f;
    }
  }
  const rand = seededRandom(`${seed}:${n}:${leading}`);
  // Bounded: the caller stops long before this runs out.
  for (let tries = 0; tries < 100_000; tries++) {
    let f = "";
    for (let i = 0; i < n; i++) {
      const lo = leading && i === 0 ? 2 : 0;
      f += String(lo + Math.floor(rand() * (10 - lo)));
    }
    if (ok(f)) {
      seen.add(f);
      yield f;
    }
  }
}

export type CandidateReason = "requested" | "other-fill" | "other-position" | "variant";
export type Candidate = Placement & { reason: CandidateReason; pattern: string };

/**
 * Numbers that keep the typed word, in order of preference: the requested
 * position with memorable then random fills, the word at the other positions,
 * and close variants (the word with one digit before or after it).
 * Yields lazily; callers take as many as they need.
 */
export function* vanityCandidates(opts: { pattern: string; spelled: string; position: Position }): Generator<Candidate> {
  const { pattern, spelled, position } = opts;
  const len = pattern.length;
  if (len === 0 || len > NUMBER_LENGTH) return;
  const seen = new Set<string>();
  const emit = function* (p: Placement | null, reason: CandidateReason, pat: string) {
    if (p && !seen.has(p.digits)) {
      seen.add(p.digits);
      yield { ...p, reason, pattern: pat };
    }
  };

  const offsets = (pos: Position, l: number) => offsetFor(pos, l);
  const primaryOffset = offsets(position, len);
  const fillGen = (l: number, offset: number) => fills(NUMBER_LENGTH - l, offset > 0, `${pattern}@${offset}`);

  // The requested position: the first few fills (the first is "the" answer).
  const primaryFills = fillGen(len, primaryOffset);
  let first = true;
  for (let i = 0; i < 6; i++) {
    const f = primaryFills.next();
    if (f.done) break;
    yield* emit(place(pattern, spelled, primaryOffset, f.value), first ? "requested" : "other-fill", pattern);
    first = false;
  }
  // The other named positions, then every other offset.
  const otherOffsets = [
    ...POSITIONS.filter((p) => p !== position).map((p) => offsets(p, len)),
    ...Array.from({ length: NUMBER_LENGTH - len + 1 }, (_, i) => i),
  ].filter((o, i, arr) => o !== primaryOffset && arr.indexOf(o) === i);
  for (const offset of otherOffsets) {
    const g = fillGen(len, offset);
    for (let i = 0; i < 2; i++) {
      const f = g.next();
      if (f.done) break;
      yield* emit(place(pattern, spelled, offset, f.value), "other-position", pattern);
    }
  }
  // Close variants: one digit after or before the word, at the requested position.
  if (len < NUMBER_LENGTH) {
    for (const d of "123456789") {
      for (const [vp, vs] of [
        [pattern + d, spelled + d],
        [d + pattern, d + spelled],
      ] as const) {
        const o = offsets(position, vp.length);
        const f = fillGen(vp.length, o).next();
        if (!f.done) yield* emit(place(vp, vs, o, f.value), "variant", vp);
      }
    }
  }
  // A whole number was typed: keep its letters and vary its typed digits, last ones first.
  if (len === NUMBER_LENGTH) yield* fullLengthVariants(pattern, spelled, seen);
  // Then more fills at the requested position, without end in practice.
  for (const f of primaryFills) {
    yield* emit(place(pattern, spelled, primaryOffset, f), "other-fill", pattern);
  }
}

function* fullLengthVariants(pattern: string, spelled: string, seen: Set<string>): Generator<Candidate> {
  const free = [...spelled].flatMap((ch, i) => (/\d/.test(ch) ? [i] : [])).reverse();
  const emit = (digits: string): Candidate | null => {
    if (seen.has(digits) || !/^[2-9]/.test(digits)) return null;
    seen.add(digits);
    const sp = [...spelled].map((ch, i) => (/\d/.test(ch) ? digits[i] : ch)).join("");
    return { digits, spelled: sp, offset: 0, reason: "variant", pattern };
  };
  const set = (s: string, i: number, d: string) => s.slice(0, i) + d + s.slice(i + 1);
  for (const i of free) {
    for (const d of "0123456789") {
      const c = emit(set(pattern, i, d));
      if (c) yield c;
    }
  }
  for (let a = 0; a < free.length; a++) {
    for (let b = a + 1; b < free.length; b++) {
      for (const d of "0123456789") {
        for (const e of "0123456789") {
          const c = emit(set(set(pattern, free[a]!, d), free[b]!, e));
          if (c) yield c;
        }
      }
    }
  }
}
