import { z } from "zod";

/** Shared by the route and the page: the word a member's number shows, or "" for digits only. */
export const numberSpellingSchema = z.object({
  word: z.string({ error: "Type a word, or leave it empty for digits only" }).trim().max(24, "A word has at most 12 letters"),
});
