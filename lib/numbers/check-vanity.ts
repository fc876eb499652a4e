import type { Db } from "../db/client";
import { Prisma } from "../db/generated/sqlite/client";
import { DomainError } from "../errors";
import { formatNumber, NUMBER_LENGTH } from "./format";
import { toKeypadDigits } from "./keypad";
import { showNumber } from "./spelling";
import { type Candidate, type CandidateReason, offsetFor, type Position, vanityCandidates } from "./vanity";

export const SUGGESTION_COUNT = 6;
const BATCH = 48;
const MAX_CANDIDATES = 480;

export type NumberStatus = "free" | "taken" | "held" | "held-by-you";

export type NumberOption = {
  digits: string;
  formatted: string;
  /** The number with the typed word whole: "2222 22 CALLME". */
  spelled: string;
  reason: CandidateReason;
};

export type VanityCheck = {
  pattern: { digits: string; spelled: string };
  position: Position;
  /** The number the person asked for, or null when the word cannot go there. */
  requested: (NumberOption & { status: NumberStatus }) | null;
  /** Why there is no requested number, when there is none. */
  notice?: string;
  /** Free numbers that keep the word, varied in kind. */
  suggestions: NumberOption[];
};

function option(c: Candidate): NumberOption {
  return { digits: c.digits, formatted: formatNumber(c.digits), spelled: showNumber(c.digits, c.spelled), reason: c.reason };
}

/** Parses what was typed; throws a clear INVALID_PATTERN otherwise. */
export function parsePattern(input: string): { digits: string; spelled: string } {
  const parsed = toKeypadDigits(input);
  if (!parsed.ok) throw new DomainError("INVALID_PATTERN", parsed.reason);
  if (parsed.digits.length === 0) throw new DomainError("INVALID_PATTERN", "Type a word or some digits for your number");
  if (parsed.digits.length > NUMBER_LENGTH) {
    throw new DomainError("INVALID_PATTERN", `A number has 12 digits; "${input.trim()}" makes ${parsed.digits.length}`);
  }
  if (parsed.digits.length === NUMBER_LENGTH && !/^[2-9]/.test(parsed.digits)) {
    throw new DomainError("INVALID_PATTERN", "A number starts with a digit from 2 to 9 (the letters A-Z count as 2-9)");
  }
  return { digits: parsed.digits, spelled: parsed.spelled };
}

/**
 * Of `digits`, which are assigned, and which are held (and by whom). One raw
 * UNION instead of two findMany calls: look-ups run on every keystroke, and this
 * halves their database time (bench/numbers.ts).
 */
async function occupancy(db: Db, digits: string[], now: Date) {
  const list = Prisma.join(digits);
  const rows = await db.$queryRaw<{ digits: string; holder: string | null; expires: Date | string | number | null }[]>`
    SELECT "digits", NULL AS "holder", NULL AS "expires" FROM "PhoneNumber" WHERE "digits" IN (${list})
    UNION ALL
    SELECT "digits", "holderToken" AS "holder", "expiresAt" AS "expires" FROM "NumberHold" WHERE "digits" IN (${list})`;
  const taken = new Set<string>();
  const heldBy = new Map<string, string>();
  for (const r of rows) {
    if (r.holder === null) taken.add(r.digits);
    else if (r.expires !== null && new Date(r.expires).getTime() > now.getTime()) heldBy.set(r.digits, r.holder);
  }
  return { taken, heldBy };
}

/**
 * Availability of a vanity request, with free alternatives that keep the word.
 * Golden numbers are allowed here: they are only kept out of the sequence.
 */
export async function checkVanity(
  db: Db,
  opts: { input: string; position: Position; holderToken?: string | null; now?: Date },
): Promise<VanityCheck> {
  const now = opts.now ?? new Date();
  const pattern = parsePattern(opts.input);
  const gen = vanityCandidates({ pattern: pattern.digits, spelled: pattern.spelled, position: opts.position });

  let requested: VanityCheck["requested"] = null;
  const free: Record<CandidateReason, NumberOption[]> = { requested: [], "other-fill": [], "other-position": [], variant: [] };
  let seenCount = 0;
  let freeCount = 0;

  while (seenCount < MAX_CANDIDATES && freeCount < SUGGESTION_COUNT * 3) {
    const batch: Candidate[] = [];
    for (let r = gen.next(); !r.done; r = gen.next()) {
      batch.push(r.value);
      if (batch.length === BATCH) break;
    }
    if (batch.length === 0) break;
    seenCount += batch.length;
    const { taken, heldBy } = await occupancy(
      db,
      batch.map((c) => c.digits),
      now,
    );
    for (const c of batch) {
      const holder = heldBy.get(c.digits);
      const status: NumberStatus = taken.has(c.digits)
        ? "taken"
        : holder === undefined
          ? "free"
          : holder === opts.holderToken
            ? "held-by-you"
            : "held";
      if (c.reason === "requested") {
        requested = { ...option(c), status };
        continue;
      }
      if (status === "free" || status === "held-by-you") {
        free[c.reason].push(option(c));
        freeCount++;
      }
    }
  }

  // Vary the kinds: take from each kind in turn, so the list is not six near-identical fills.
  const order: CandidateReason[] = ["other-fill", "other-position", "variant"];
  const suggestions: NumberOption[] = [];
  for (let round = 0; suggestions.length < SUGGESTION_COUNT && round < SUGGESTION_COUNT; round++) {
    for (const reason of order) {
      const next = free[reason][round];
      if (next && suggestions.length < SUGGESTION_COUNT) suggestions.push(next);
    }
  }

  const result: VanityCheck = { pattern, position: opts.position, requested, suggestions };
  if (!requested) {
    result.notice =
      opts.position === "start" || offsetFor(opts.position, pattern.digits.length) === 0
        ? "A number cannot start with 0 or 1: try the word in the middle or at the end"
        : "That word does not fit there";
  }
  return result;
}
