import { DomainError } from "../errors";
import { formatNumber, NUMBER_LENGTH } from "./format";
import { toKeypadDigits } from "./keypad";

/**
 * A vanity number is bought for its word: 1-800-FLOWERS is never written 1800 3569 377. A number's
 * spelling keeps the keypad letters its owner chose ("2222222PIZZA"); these show it with the word
 * intact and find the numbers a word or a spelled number names.
 */
export type Spelling = { spelled: string; word: string };

const LETTER = /[A-Z]/;

/** The letters of a spelling from the first to the last ("2000CALL2ME0" → "CALL2ME"); null without letters. */
export function wordOf(spelled: string): string | null {
  const first = spelled.search(LETTER);
  if (first < 0) return null;
  let last = spelled.length - 1;
  while (!LETTER.test(spelled[last]!)) last--;
  return spelled.slice(first, last + 1);
}

const groupsOf4 = (s: string) => s.match(/.{1,4}/g)?.join(" ") ?? "";

/**
 * The number as people should read it: the digits before the word in fours, the word whole, then
 * any digits after it ("2222 222 PIZZA", "2000 CALLME 00"). Digits only: "xyyy yyyy yyyy".
 */
export function showNumber(digits: string, spelled?: string | null): string {
  const word = spelled ? wordOf(spelled) : null;
  if (!spelled || !word) return formatNumber(digits);
  const at = spelled.indexOf(word);
  return [groupsOf4(spelled.slice(0, at)), word, groupsOf4(spelled.slice(at + word.length))].filter(Boolean).join(" ");
}

/** `showNumber` for a row that may have no number, as the read models select it. */
export const shownNumber = (n: { digits: string; spelled: string | null } | null | undefined): string | null =>
  n ? showNumber(n.digits, n.spelled) : null;

/** Selected with a number wherever it is shown. */
export const SHOWN_NUMBER = { digits: true, spelled: true } as const;

/**
 * Checks a spelling of `digits` sent by a page (the picker's choice): twelve keypad characters with
 * at least one letter, whose keypad digits are `digits`. Separators and case do not matter.
 */
export function checkSpelling(digits: string, input: string): Spelling {
  const k = toKeypadDigits(input);
  const bad = (message: string) => new DomainError("INVALID_SPELLING", message, { field: "spelled" });
  if (!k.ok) throw bad(k.reason);
  if (k.digits !== digits)
    throw bad(
      `"${input.trim()}" spells ${k.digits.length === NUMBER_LENGTH ? formatNumber(k.digits) : k.digits}, not ${formatNumber(digits)}`,
    );
  const word = wordOf(k.spelled);
  if (!word) throw bad("A spelling has at least one letter");
  return { spelled: k.spelled, word };
}

/**
 * Places a word a member typed on their own number: where its keypad digits occur, nearest the end
 * (where the picker puts a word by default). Throws when the number does not contain them.
 */
export function spellWordIn(digits: string, input: string): Spelling {
  const k = toKeypadDigits(input);
  const bad = (message: string) => new DomainError("INVALID_SPELLING", message, { field: "word" });
  if (!k.ok) throw bad(k.reason);
  if (!LETTER.test(k.spelled)) throw bad("Type the word to show in your number, in letters");
  const at = digits.lastIndexOf(k.digits);
  if (at < 0) throw bad(`${k.spelled} is ${k.digits} on a keypad, which is not in ${formatNumber(digits)}`);
  const spelled = digits.slice(0, at) + k.spelled + digits.slice(at + k.digits.length);
  return { spelled, word: wordOf(spelled)! };
}

/**
 * What a dial entry or an address names: a whole number (digits or spelled, any spacing) or a word
 * on its own ("PIZZA", "bruno"), matched against the words members chose. Null: neither.
 */
export function parseDialled(input: string): { digits: string } | { word: string } | null {
  const k = toKeypadDigits(input);
  if (!k.ok) return null;
  if (k.digits.length === NUMBER_LENGTH && /^[2-9]/.test(k.digits)) return { digits: k.digits };
  const word = wordOf(k.spelled);
  // A word is letters, perhaps with digits inside ("CALL2ME"), nothing around them.
  return word && word === k.spelled && word.length >= 2 ? { word } : null;
}

/** The digits of a whole number typed in digits or keypad letters ("2222 22JJ GTWS"); null otherwise. */
export function numberIn(input: string): string | null {
  const d = parseDialled(input);
  return d && "digits" in d ? d.digits : null;
}

/** Why a dial entry names nothing, in words a person can act on. */
export function describeDialProblem(input: string): string {
  const k = toKeypadDigits(input);
  if (!k.ok) return k.reason;
  if (k.digits.length === 0) return "Enter a number, or a word a number shows";
  if (k.digits.length === NUMBER_LENGTH) return "A number starts with a digit from 2 to 9 (the letters A-Z count as 2-9)";
  return `A number has 12 digits or keypad letters (this has ${k.digits.length}); a word alone names the number that shows it`;
}
