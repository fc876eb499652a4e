/**
 * "Golden" numbers are memorable enough to be worth choosing, so the sequence
 * never hands them out; they remain available as vanity numbers.
 */
export type GoldenReason = "one-digit" | "long-run" | "straight" | "repeating-block" | "palindrome" | "round";

const BLOCK_SIZES = [2, 3, 4, 6];

export function goldenReason(digits: string): GoldenReason | null {
  if (/^(\d)\1{11}$/.test(digits)) return "one-digit";
  // Seven or more of the same digit in a row: 2000 0000 0xxx.
  if (/(\d)\1{6}/.test(digits)) return "long-run";
  if (hasStraight(digits, 7)) return "straight";
  for (const size of BLOCK_SIZES) {
    if (digits.slice(0, size).repeat(12 / size) === digits) return "repeating-block";
  }
  if ([...digits].reverse().join("") === digits) return "palindrome";
  if (digits.endsWith("000000")) return "round";
  return null;
}

export function isGolden(digits: string): boolean {
  return goldenReason(digits) !== null;
}

/** A run of `len` digits each one above (or each one below) the last: 1234567, 9876543. */
function hasStraight(digits: string, len: number): boolean {
  let up = 1;
  let down = 1;
  for (let i = 1; i < digits.length; i++) {
    const diff = digits.charCodeAt(i) - digits.charCodeAt(i - 1);
    up = diff === 1 ? up + 1 : 1;
    down = diff === -1 ? down + 1 : 1;
    if (up >= len || down >= len) return true;
  }
  return false;
}
