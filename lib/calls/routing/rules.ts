import { z } from "zod";

/**
 * A member's routing rules: the one contract between the settings page, its route, the store and the
 * decision (decide.ts). An ordered list; the first enabled rule whose conditions all hold decides what
 * a call does. No rule matching gives the default, which is what calls did before rules existed.
 */

export const ROUTING_STATUSES = ["online", "away", "busy", "dnd", "offline"] as const;
export type RoutingStatus = (typeof ROUTING_STATUSES)[number];

export const MAX_RULES = 50;
export const GREETING_CHOICES = ["current", "standard", "temporary"] as const;
export type GreetingChoice = (typeof GREETING_CHOICES)[number];
export const RING_SECONDS_MIN = 5;
export const RING_SECONDS_MAX = 120;
export const DECLINE_TEXT_MAX = 140;
export const AWAY_REPLY_MAX = 300;
/** A forward to a group's number rings its members one after another (hunt-group.ts), this long each… */
export const HUNT_SECONDS = 15;
/** …and tries at most this many of them, so a big group cannot ring for minutes. */
export const HUNT_MAX = 8;
/** A second call from the same caller within this time is a "repeat caller". */
export const REPEAT_WINDOW_MS = 15 * 60_000;

const numberDigits = z
  .string()
  .trim()
  .transform((s) => s.replace(/[\s-]/g, ""))
  .pipe(z.string().regex(/^[2-9]\d{11}$/, { error: "Enter a 12-digit number (first digit 2-9)" }));

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: "Times are HH:MM, 00:00 to 23:59" });

/** Who is calling. A rule with several matches any of them. */
export const callerMatchSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("favourites") }),
  z.object({ type: z.literal("contacts") }),
  z.object({ type: z.literal("strangers") }),
  z.object({ type: z.literal("guests") }),
  z.object({ type: z.literal("repeat") }),
  z.object({ type: z.literal("group"), groupId: z.string().min(1).max(64) }),
]);
export type CallerMatch = z.infer<typeof callerMatchSchema>;

/**
 * Days (0 = Sunday … 6 = Saturday) and a time range in the member's time zone. `to` at or before
 * `from` runs past midnight: days name the day the range starts on.
 */
export const scheduleSchema = z
  .object({
    days: z.array(z.number().int().min(0).max(6)).min(1, { error: "Choose at least one day" }).max(7),
    from: hhmm,
    to: hhmm,
  })
  .refine((s) => s.from !== s.to, { error: "The start and end times are the same" });
export type Schedule = z.infer<typeof scheduleSchema>;

export const conditionsSchema = z.object({
  /** Any of these statuses; empty means any status. */
  statuses: z.array(z.enum(ROUTING_STATUSES)).max(5).default([]),
  /** Any of these callers; empty means anyone. */
  callers: z.array(callerMatchSchema).max(20).default([]),
  /** Only during this schedule; absent means always. */
  schedule: scheduleSchema.optional(),
});
export type Conditions = z.infer<typeof conditionsSchema>;

/** What happens when ringing was not answered. */
export const otherwiseSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("mailbox") }),
  z.object({ type: z.literal("forward"), to: numberDigits }),
]);
export type Otherwise = z.infer<typeof otherwiseSchema>;

export const actionSchema = z.discriminatedUnion("type", [
  /** Ring every device at once, or one device after another (most recently active first), `seconds` each. */
  z.object({
    type: z.literal("ring"),
    devices: z.enum(["all", "sequence"]).default("all"),
    seconds: z.number().int().min(RING_SECONDS_MIN).max(RING_SECONDS_MAX).default(30),
    otherwise: otherwiseSchema.default({ type: "mailbox" }),
  }),
  /** Straight to another member's number: their rules then apply. */
  z.object({ type: z.literal("forward"), to: numberDigits }),
  /**
   * Straight to the mailbox, without ringing, with a chosen greeting: whichever is current (the
   * temporary one while it lasts), the standard one, or the temporary one even past its end date.
   */
  z.object({ type: z.literal("mailbox"), greeting: z.enum(GREETING_CHOICES).default("current") }),
  /** Turned away with a short text the caller sees. */
  z.object({ type: z.literal("decline"), text: z.string().trim().min(1, { error: "Write what the caller sees" }).max(DECLINE_TEXT_MAX) }),
]);
export type Action = z.infer<typeof actionSchema>;

export const ruleSchema = z.object({
  id: z.string().min(1).max(40),
  name: z.string().trim().max(60).default(""),
  enabled: z.boolean().default(true),
  when: conditionsSchema,
  then: actionSchema,
});
export type Rule = z.infer<typeof ruleSchema>;

export const ruleDocSchema = z.object({
  /** IANA time zone the schedules are in. */
  timeZone: z
    .string()
    .min(1)
    .max(64)
    .refine(isTimeZone, { error: "Unknown time zone" })
    // Stored as the zone's own spelling ("utc" → "UTC").
    .transform((tz) => new Intl.DateTimeFormat("en", { timeZone: tz }).resolvedOptions().timeZone),
  rules: z
    .array(ruleSchema)
    .max(MAX_RULES, { error: `At most ${MAX_RULES} rules` })
    .refine((rules) => new Set(rules.map((r) => r.id)).size === rules.length, { error: "Two rules have the same id" }),
  /** Who rings through do-not-disturb (they are routed as if the member were online). */
  dnd: z
    .object({ favourites: z.boolean().default(false), repeatCallers: z.boolean().default(false) })
    .default({ favourites: false, repeatCallers: false }),
  /** Sent once per conversation and hour to someone who writes while the member is away ("" for none). */
  awayReply: z.string().trim().max(AWAY_REPLY_MAX).default(""),
});
export type RuleDoc = z.infer<typeof ruleDocSchema>;

export const DEFAULT_RULE_DOC: RuleDoc = {
  timeZone: "UTC",
  rules: [],
  dnd: { favourites: false, repeatCallers: false },
  awayReply: "",
};

export function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/** Everything the decision needs to know about who calls, as seen from the member called. */
export type CallerFacts = {
  kind: "member" | "guest";
  /** In the member's address book. */
  contact: boolean;
  favourite: boolean;
  /** The member's contact groups the caller is in. */
  groupIds: string[];
  /** Called this member within REPEAT_WINDOW_MS before this call. */
  repeat: boolean;
};

/** What a call does, and why (shown in "what happens if…" and logged with the call). */
export type Decision = {
  /** The rule that matched, or null for the default. */
  ruleId: string | null;
  /** The status the rules saw: do-not-disturb reads as online for a caller it lets through. */
  status: RoutingStatus;
  action: Action;
  /** One line for people: "Rule “Office hours”", "Do-not-disturb lets favourites through. Default: ring every device". */
  reason: string;
};

export type DecideInput = { doc: RuleDoc; caller: CallerFacts; status: RoutingStatus; now: Date; defaultRingSeconds: number };
