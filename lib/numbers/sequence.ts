import { isGolden } from "./golden";

/**
 * Sequential numbers are SEQUENCE_START + index, skipping golden numbers. The
 * index comes from an atomic counter in the database; this module is the pure
 * mapping from index to number.
 */
export const SEQUENCE_START = 200_010_000_000;
export const SEQUENCE_END = 999_999_999_999;

export function sequenceDigits(index: number): string {
  const n = SEQUENCE_START + index;
  if (!Number.isSafeInteger(n) || n > SEQUENCE_END || index < 0) {
    throw new RangeError(`sequence index ${index} is outside the number space`);
  }
  return String(n);
}

/** Whether the sequence may hand out the number at this index. */
export function isSequenceable(digits: string): boolean {
  return !isGolden(digits);
}
