/** Permanent numbers: twelve digits, the first 2-9, shown "xyyy yyyy yyyy". */
export const NUMBER_LENGTH = 12;
const VALID = /^[2-9]\d{11}$/;
const SEPARATORS = /[\s\-.()]/g;

export function isValidNumber(digits: string): boolean {
  return VALID.test(digits);
}

/** Accepts any spaces, dashes, dots or brackets; returns the 12 digits or null. */
export function parseNumber(input: string): string | null {
  const digits = input.replace(SEPARATORS, "");
  return VALID.test(digits) ? digits : null;
}

/** Explains what is wrong with a typed number, for error messages. */
export function describeNumberProblem(input: string): string | null {
  const compact = input.replace(SEPARATORS, "");
  if (compact.length === 0) return "Enter a 12-digit number";
  if (!/^\d+$/.test(compact)) return "A number has only digits (spaces, dashes and dots are fine)";
  if (compact.length !== NUMBER_LENGTH) return `A number has 12 digits; this has ${compact.length}`;
  if (!/^[2-9]/.test(compact)) return "A number starts with a digit from 2 to 9";
  return null;
}

/** "xyyy yyyy yyyy". Works on spelled forms too ("2000 00CA LLME"). */
export function formatNumber(digitsOrSpelled: string): string {
  const s = digitsOrSpelled;
  return `${s.slice(0, 4)} ${s.slice(4, 8)} ${s.slice(8, 12)}`;
}
