import type { CallerMatch, RoutingStatus } from "@/lib/calls/routing/rules";
import { parseNumber, formatNumber } from "@/lib/numbers/format";
import type { DraftAction, DraftRule, DraftSchedule } from "./draft";

export const STATUS_LABELS: Record<RoutingStatus, string> = {
  online: "Online",
  away: "Away",
  busy: "In a call (busy)",
  dnd: "Do not disturb",
  offline: "Offline",
};

const STATUS_WORDS: Record<RoutingStatus, string> = {
  online: "online",
  away: "away",
  busy: "in a call",
  dnd: "do-not-disturb",
  offline: "offline",
};

export const DAY_SHORT = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"] as const;

function joinOr(words: string[]): string {
  if (words.length <= 1) return words[0] ?? "";
  return `${words.slice(0, -1).join(", ")} or ${words.at(-1)}`;
}

function callerWord(c: CallerMatch, groupNames: Map<string, string>): string {
  switch (c.type) {
    case "favourites":
      return "favourites";
    case "contacts":
      return "contacts";
    case "strangers":
      return "strangers";
    case "guests":
      return "guests";
    case "repeat":
      return "repeat callers";
    case "group":
      return groupNames.get(c.groupId) ?? "a deleted group";
  }
}

function daysWords(days: number[]): string {
  const set = [...new Set(days)].sort((a, b) => a - b);
  const key = set.join("");
  if (key === "0123456") return "every day";
  if (key === "12345") return "weekdays";
  if (key === "06") return "weekends";
  if (set.length === 0) return "no day";
  return set.map((d) => DAY_SHORT[d]).join(", ");
}

export function scheduleWords(s: DraftSchedule): string {
  const overnight = s.from && s.to && s.to < s.from ? " (overnight)" : "";
  return `${daysWords(s.days)} ${s.from || "?"}–${s.to || "?"}${overnight}`;
}

/** A typed number as people read it, or as typed when it is not one yet. */
function shownNumber(typed: string): string {
  const digits = parseNumber(typed.trim());
  return digits ? formatNumber(digits) : typed.trim() || "a number";
}

export function actionWords(a: DraftAction): string {
  const s = a.seconds.trim() || "?";
  const then = a.otherwise === "forward" ? `then forward to ${shownNumber(a.otherwiseTo)}` : "then mailbox";
  switch (a.choice) {
    case "ring-all":
      return `ring all devices ${s} s, ${then}`;
    case "ring-sequence":
      return `ring devices one by one, ${s} s each, ${then}`;
    case "forward":
      return `forward to ${shownNumber(a.forwardTo)}`;
    case "mailbox":
      return a.greeting === "current" ? "send to mailbox" : `send to mailbox (${a.greeting} greeting)`;
    case "decline":
      return a.text.trim() ? `decline with “${a.text.trim()}”` : "decline";
  }
}

/** One line in plain words: "When do-not-disturb, from favourites: ring all devices 20 s, then mailbox". */
export function ruleSummary(r: DraftRule, groupNames: Map<string, string>): string {
  const parts: string[] = [];
  if (r.statuses.length) parts.push(`when ${joinOr(r.statuses.map((s) => STATUS_WORDS[s]))}`);
  if (r.callers.length) parts.push(`from ${joinOr(r.callers.map((c) => callerWord(c, groupNames)))}`);
  if (r.schedule.on) parts.push(scheduleWords(r.schedule));
  const when = parts.length ? parts.join(", ") : "every call";
  return `${when.charAt(0).toUpperCase()}${when.slice(1)}: ${actionWords(r.action)}`;
}
