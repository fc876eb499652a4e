import { route } from "@/app/_server/route";
import { getRules, saveRules } from "@/lib/calls/routing/save-rules";
import { saveRulesBody } from "@/lib/calls/routing/schemas";
import { db } from "@/lib/db/client";
import { json } from "@/lib/http/respond";

/** The member's call routing rules and their version. */
export const GET = route({ access: "member" }, async ({ member }) => json(await getRules(await db(), member.id)));

/** Replaces them; 409 with the current document when another device saved first. */
export const PUT = route({ access: "member", body: saveRulesBody }, async ({ member, body }) =>
  json(await saveRules(await db(), { memberId: member.id, doc: body.doc, version: body.version })),
);
