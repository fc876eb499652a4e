import { z } from "zod";
import { ROUTING_STATUSES, ruleDocSchema } from "./rules";

/** PUT /api/settings/calls: the whole document and the version the editor started from (0: never saved). */
export const saveRulesBody = z.object({ doc: ruleDocSchema, version: z.number().int().min(0) });
export type SaveRulesBody = z.infer<typeof saveRulesBody>;

/** POST /api/settings/calls/what-if: a caller, a moment and the member's status to imagine. */
export const whatIfBody = z.object({
  caller: z.discriminatedUnion("type", [
    z.object({ type: z.literal("contact"), contactId: z.string().min(1).max(64), repeat: z.boolean().default(false) }),
    z.object({ type: z.literal("stranger"), repeat: z.boolean().default(false) }),
  ]),
  at: z.iso.datetime({ offset: true, error: "Choose a date and time" }),
  status: z.enum(ROUTING_STATUSES),
});
export type WhatIfBody = z.infer<typeof whatIfBody>;
