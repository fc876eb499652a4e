import { route } from "@/app/_server/route";
import { db } from "@/lib/db/client";
import { json } from "@/lib/http/respond";
import { numberSpellingSchema } from "@/lib/numbers/spelling-schema";
import { setNumberSpelling } from "@/lib/numbers/set-spelling";

/** The word the member's number shows ("" for digits only). */
export const PUT = route({ access: "member", body: numberSpellingSchema }, async ({ member, body }) =>
  json(await setNumberSpelling(await db(), member.id, body.word)),
);
