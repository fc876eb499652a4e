/** E.161 phone keypad: the letters printed on each digit key. */
export const KEYPAD: Readonly<Record<string, string>> = {
  "2": "ABC",
  "3": "DEF",
  "4": "GHI",
  "5": "JKL",
  "6": "MNO",
  "7": "PQRS",
  "8": "TUV",
  "9": "WXYZ",
};

const LETTER_TO_DIGIT: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(KEYPAD).flatMap(([digit, letters]) => [...letters].map((l) => [l, digit])),
);

export function letterToDigit(letter: string): string | undefined {
  return LETTER_TO_DIGIT[letter.toUpperCase()];
}

/** Separators people type inside numbers and words: ignored everywhere. */
const SEPARATORS = /[\s\-.()]/g;

export type KeypadInput = { ok: true; digits: string; spelled: string } | { ok: false; reason: string };

/**
 * Turns what a person typed ("call-me", "2000 CALL ME", "225.563") into keypad
 * digits. `spelled` keeps the typed letters upper-cased in their positions, so
 * a number can be shown with its word.
 */
export function toKeypadDigits(input: string): KeypadInput {
  const cleaned = input.replace(SEPARATORS, "");
  let digits = "";
  let spelled = "";
  for (const ch of cleaned) {
    if (ch >= "0" && ch <= "9") {
      digits += ch;
      spelled += ch;
      continue;
    }
    const d = letterToDigit(ch);
    if (!d) {
      return { ok: false, reason: `"${ch}" is not on a phone keypad: use letters A-Z and digits 0-9` };
    }
    digits += d;
    spelled += ch.toUpperCase();
  }
  return { ok: true, digits, spelled };
}
