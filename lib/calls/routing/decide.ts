import type { Action, CallerFacts, CallerMatch, DecideInput, Decision, RoutingStatus, RuleDoc } from "./rules";
import { holdsAt, type LocalTime, localTime } from "./schedule";

/** Whether one "who is calling" condition holds for the caller. */
export function callerMatches(match: CallerMatch, caller: CallerFacts): boolean {
  switch (match.type) {
    case "favourites":
      return caller.favourite;
    case "contacts":
      return caller.contact;
    case "strangers":
      return caller.kind === "member" && !caller.contact;
    case "guests":
      return caller.kind === "guest";
    case "repeat":
      return caller.repeat;
    case "group":
      return caller.groupIds.includes(match.groupId);
  }
}

/**
 * Why do-not-disturb lets this caller through, or null when it does not. Favourites are named first
 * when both apply.
 */
export function dndLetsThrough(dnd: RuleDoc["dnd"], caller: CallerFacts): string | null {
  if (dnd.favourites && caller.favourite) return "Do-not-disturb lets favourites through";
  if (dnd.repeatCallers && caller.repeat) return "Do-not-disturb lets repeat callers through";
  return null;
}

/**
 * What a call to a member does: the first enabled rule whose conditions all hold, else the default
 * (what calls did before rules: ring every device, or the mailbox under do-not-disturb). Pure: the
 * time is `now`, and everything about the caller is in `caller`.
 */
export function decide({ doc, caller, status, now, defaultRingSeconds }: DecideInput): Decision {
  const through = status === "dnd" ? dndLetsThrough(doc.dnd, caller) : null;
  const seen: RoutingStatus = through ? "online" : status;
  // The one costly step (Intl formatting), done at most once per call and only if a rule needs it.
  let local: LocalTime | null = null;
  const rules = doc.rules;
  for (let i = 0; i < rules.length; i++) {
    const rule = rules[i]!;
    if (!rule.enabled) continue;
    const { statuses, callers, schedule } = rule.when;
    if (statuses.length > 0 && !statuses.includes(seen)) continue;
    if (callers.length > 0 && !anyCaller(callers, caller)) continue;
    if (schedule) {
      local ??= localTime(doc.timeZone, now);
      if (!holdsAt(schedule, local)) continue;
    }
    return decision(rule.id, seen, rule.then, `Rule “${rule.name.trim() || `Rule ${i + 1}`}”`, through);
  }
  if (seen === "dnd") return decision(null, seen, { type: "mailbox", greeting: "current" }, "Do-not-disturb: to the mailbox", null);
  const ring: Action = { type: "ring", devices: "all", seconds: defaultRingSeconds, otherwise: { type: "mailbox" } };
  return decision(null, seen, ring, "Default: ring every device", through);
}

function anyCaller(callers: CallerMatch[], caller: CallerFacts): boolean {
  for (let i = 0; i < callers.length; i++) if (callerMatches(callers[i]!, caller)) return true;
  return false;
}

function decision(ruleId: string | null, status: RoutingStatus, action: Action, reason: string, through: string | null): Decision {
  return { ruleId, status, action, reason: through ? `${through}. ${reason}` : reason };
}
