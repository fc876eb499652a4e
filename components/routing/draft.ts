import {
  type Action,
  type CallerMatch,
  type GreetingChoice,
  RING_SECONDS_MAX,
  RING_SECONDS_MIN,
  type RoutingStatus,
  type RuleDoc,
  ruleDocSchema,
} from "@/lib/calls/routing/rules";
import { describeNumberProblem, formatNumber } from "@/lib/numbers/format";

/**
 * The editor's copy of a rule document, shaped for inputs rather than for the server: numbers and
 * seconds stay as typed, and every action's fields are kept while another action is chosen, so
 * switching "Forward" → "Decline" → "Forward" does not lose the number typed.
 */
export type ActionChoice = "ring-all" | "ring-sequence" | "forward" | "mailbox" | "decline";

export type DraftAction = {
  choice: ActionChoice;
  seconds: string;
  otherwise: "mailbox" | "forward";
  otherwiseTo: string;
  forwardTo: string;
  text: string;
  /** For "Send to mailbox": which greeting the caller hears. */
  greeting: GreetingChoice;
};

export type DraftSchedule = { on: boolean; days: number[]; from: string; to: string };

export type DraftRule = {
  id: string;
  name: string;
  enabled: boolean;
  statuses: RoutingStatus[];
  callers: CallerMatch[];
  schedule: DraftSchedule;
  action: DraftAction;
};

export type Draft = { timeZone: string; rules: DraftRule[]; dnd: RuleDoc["dnd"]; awayReply: string };

/** Field errors keyed `timeZone`, `awayReply`, `rules`, or `<rule id>/<path in the rule>` (e.g. `abc/then.seconds`). */
export type FieldErrors = Record<string, string>;

const WORKING_WEEK = [1, 2, 3, 4, 5];

function actionFromDoc(a: Action): DraftAction {
  const blank: DraftAction = {
    choice: "ring-all",
    seconds: "30",
    otherwise: "mailbox",
    otherwiseTo: "",
    forwardTo: "",
    text: "",
    greeting: "current",
  };
  switch (a.type) {
    case "ring":
      return {
        ...blank,
        choice: a.devices === "sequence" ? "ring-sequence" : "ring-all",
        seconds: String(a.seconds),
        otherwise: a.otherwise.type,
        otherwiseTo: a.otherwise.type === "forward" ? formatNumber(a.otherwise.to) : "",
      };
    case "forward":
      return { ...blank, choice: "forward", forwardTo: formatNumber(a.to) };
    case "mailbox":
      return { ...blank, choice: "mailbox", greeting: a.greeting };
    case "decline":
      return { ...blank, choice: "decline", text: a.text };
  }
}

export function fromDoc(doc: RuleDoc): Draft {
  return {
    timeZone: doc.timeZone,
    dnd: { ...doc.dnd },
    awayReply: doc.awayReply,
    rules: doc.rules.map((r) => ({
      id: r.id,
      name: r.name,
      enabled: r.enabled,
      statuses: [...r.when.statuses],
      callers: [...r.when.callers],
      schedule: r.when.schedule ? { on: true, ...r.when.schedule } : { on: false, days: WORKING_WEEK, from: "09:00", to: "17:00" },
      action: actionFromDoc(r.then),
    })),
  };
}

function newId(): string {
  // randomUUID exists only on secure origins (https, localhost): a portal reached by a LAN address still needs ids.
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, "0")).join("");
}

export function newRule(): DraftRule {
  return {
    id: newId(),
    name: "",
    enabled: true,
    statuses: [],
    callers: [],
    schedule: { on: false, days: WORKING_WEEK, from: "09:00", to: "17:00" },
    action: { choice: "ring-all", seconds: "30", otherwise: "mailbox", otherwiseTo: "", forwardTo: "", text: "", greeting: "current" },
  };
}

function actionInput(a: DraftAction): unknown {
  switch (a.choice) {
    case "ring-all":
    case "ring-sequence":
      return {
        type: "ring",
        devices: a.choice === "ring-all" ? "all" : "sequence",
        // An empty box must be refused, not become the schema's default (undefined would) or 0.
        seconds: a.seconds.trim() === "" ? NaN : Number(a.seconds),
        otherwise: a.otherwise === "forward" ? { type: "forward", to: a.otherwiseTo } : { type: "mailbox" },
      };
    case "forward":
      return { type: "forward", to: a.forwardTo };
    case "mailbox":
      return { type: "mailbox", greeting: a.greeting };
    case "decline":
      return { type: "decline", text: a.text };
  }
}

/** What the draft would send, before the schema has looked at it. */
function docInput(d: Draft): unknown {
  return {
    timeZone: d.timeZone,
    dnd: d.dnd,
    awayReply: d.awayReply,
    rules: d.rules.map((r) => ({
      id: r.id,
      name: r.name,
      enabled: r.enabled,
      when: {
        statuses: r.statuses,
        callers: r.callers,
        ...(r.schedule.on
          ? { schedule: { days: [...r.schedule.days].sort((x, y) => x - y), from: r.schedule.from, to: r.schedule.to } }
          : {}),
      },
      then: actionInput(r.action),
    })),
  };
}

/** Numbers shown in a message ("No member has the number 2000 1000 0009.") as digits. */
const NUMBER_IN_TEXT = /\b([2-9]\d{3}) (\d{4}) (\d{4})\b/g;

function friendlier(rule: DraftRule | undefined, rest: string, message: string): string {
  if (rest === "then.seconds") return `Ring for ${RING_SECONDS_MIN} to ${RING_SECONDS_MAX} seconds`;
  if ((rest === "when.schedule.from" || rest === "when.schedule.to") && rule) {
    const value = rest.endsWith("from") ? rule.schedule.from : rule.schedule.to;
    if (!value) return "Choose a time";
  }
  if ((rest === "then.to" || rest === "then.otherwise.to") && rule) {
    const typed = rest === "then.to" ? rule.action.forwardTo : rule.action.otherwiseTo;
    return describeNumberProblem(typed) ?? message;
  }
  return message;
}

/** A zod or server path (`rules.0.then.to`) as the editor's error key, against the rules it was made from. */
export function errorKey(path: readonly PropertyKey[], rules: DraftRule[]): string {
  const [head, index, ...rest] = path;
  if (head === "rules" && index !== undefined) {
    const rule = rules[Number(index)];
    if (rule) return `${rule.id}/${rest.map(String).join(".")}`;
  }
  return String(head ?? "");
}

export function addError(errors: FieldErrors, path: readonly PropertyKey[], message: string, rules: DraftRule[]): void {
  const key = errorKey(path, rules);
  if (errors[key]) return;
  const [, index, ...rest] = path;
  errors[key] = friendlier(rules[Number(index)], rest.map(String).join("."), message);
}

export type Checked = { ok: true; doc: RuleDoc } | { ok: false; errors: FieldErrors };

/** The schema the server uses, run here first: mistakes are shown by their fields without a round trip. */
export function checkDraft(d: Draft): Checked {
  const parsed = ruleDocSchema.safeParse(docInput(d));
  if (parsed.success) return { ok: true, doc: parsed.data };
  const errors: FieldErrors = {};
  for (const issue of parsed.error.issues) addError(errors, issue.path, issue.message, d.rules);
  return { ok: false, errors };
}

/** Whether the draft means something other than what is saved; a draft that would not save always does. */
export function differs(d: Draft, saved: RuleDoc): boolean {
  const checked = checkDraft(d);
  return !checked.ok || JSON.stringify(checked.doc) !== JSON.stringify(ruleDocSchema.parse(saved));
}

/**
 * The server's refusals that name no field, pinned to the fields they are about: a forward number no
 * member has (the message quotes it), or a contact group that is gone.
 */
export function pinServerMessage(message: string, d: Draft, knownGroupIds: Set<string> | null): FieldErrors {
  const errors: FieldErrors = {};
  const numbers = [...message.matchAll(NUMBER_IN_TEXT)].map((m) => m.slice(1).join(""));
  for (const r of d.rules) {
    const digits = (s: string) => s.replace(/[\s-]/g, "");
    const ringing = r.action.choice === "ring-all" || r.action.choice === "ring-sequence";
    if (r.action.choice === "forward" && numbers.includes(digits(r.action.forwardTo))) errors[`${r.id}/then.to`] = message;
    if (ringing && r.action.otherwise === "forward" && numbers.includes(digits(r.action.otherwiseTo)))
      errors[`${r.id}/then.otherwise.to`] = message;
    if (/contact group/i.test(message) && knownGroupIds && r.callers.some((c) => c.type === "group" && !knownGroupIds.has(c.groupId)))
      errors[`${r.id}/when.callers`] = message;
  }
  return errors;
}

/** The part of the draft an error key is about: a server error stays shown until that part changes. */
export function errorSubject(d: Draft, key: string): string {
  const slash = key.indexOf("/");
  if (slash < 0) return JSON.stringify(d[key as keyof Draft] ?? null);
  const rule = d.rules.find((r) => r.id === key.slice(0, slash));
  return JSON.stringify(rule ?? null);
}

/** The errors of one rule, keyed by the path inside it. */
export function ruleErrors(errors: FieldErrors, ruleId: string): FieldErrors {
  const out: FieldErrors = {};
  const prefix = `${ruleId}/`;
  for (const [k, v] of Object.entries(errors)) if (k.startsWith(prefix)) out[k.slice(prefix.length)] = v;
  return out;
}
