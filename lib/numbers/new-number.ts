import { numberSuffixes } from "../directory/search-keys";
import { wordOf } from "./spelling";

/**
 * The nested create of a member's or a group's number: its spelling and word, and the suffixes the
 * directory finds digits anywhere in the number by.
 */
export function newNumber(digits: string, kind: "vanity" | "sequential", spelled: string | null) {
  return {
    digits,
    kind,
    spelled,
    word: spelled && wordOf(spelled),
    suffixes: { createMany: { data: numberSuffixes(digits).map((suffix) => ({ suffix })) } },
  };
}

/** The picker's spelling kept with a hold, for the browser that holds it only. */
export const spellingOfHold = (hold: { holderToken: string; spelled: string | null } | null, holderToken?: string | null) =>
  hold && hold.holderToken === holderToken ? hold.spelled : null;
