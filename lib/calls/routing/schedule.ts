import type { Schedule } from "./rules";

/**
 * Schedules are read off the member's wall clock: a schedule holds whenever the clock in their time
 * zone shows a listed day and a time in the range. So on a daylight-saving change:
 * - spring forward: the skipped local times never happen. A range wholly inside the gap does not hold
 *   that day; one that starts in the gap starts at the jump (02:30–04:00 in New York holds from 03:00);
 *   one that ends in it ends at the jump.
 * - fall back: the repeated local times happen twice and the range holds both times (01:00–02:00 in
 *   New York holds for two real hours that night).
 * This is what a person reading their clock expects of "weekdays 09:00 to 17:00", and ranges away
 * from the change hour are unaffected.
 */

/** Local wall-clock time: weekday 0 (Sunday) … 6, minutes since local midnight (0 … 1439). */
export type LocalTime = { weekday: number; minutes: number };

const WEEKDAYS: Record<string, number> = { Sun: 0, Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6 };

// Creating a formatter costs far more than formatting with one; valid zone spellings are few, but
// the cap keeps a flood of odd-case aliases ("europe/LISBON") from growing the map without end.
const FORMATTERS = new Map<string, Intl.DateTimeFormat>();
const FORMATTERS_MAX = 1000;

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = FORMATTERS.get(timeZone);
  if (!f) {
    // Throws a RangeError for an unknown zone; ruleDocSchema refuses those before they are stored.
    f = new Intl.DateTimeFormat("en-US", { timeZone, weekday: "short", hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
    if (FORMATTERS.size >= FORMATTERS_MAX) FORMATTERS.clear();
    FORMATTERS.set(timeZone, f);
  }
  return f;
}

const digit = (s: string, i: number) => s.charCodeAt(i) - 48;

/** The wall-clock weekday and minute in `timeZone` at `now` (seconds are dropped). */
export function localTime(timeZone: string, now: Date): LocalTime {
  const f = formatter(timeZone);
  // format() is about twice as fast as formatToParts() and gives "Sun 09:05" in en-US; should an ICU
  // ever shape it otherwise, the parts are read instead.
  const s = f.format(now);
  const colon = s.indexOf(":");
  const weekday = WEEKDAYS[s.slice(0, 3)];
  if (weekday !== undefined && colon >= 2) {
    const h = digit(s, colon - 2) * 10 + digit(s, colon - 1);
    const m = digit(s, colon + 1) * 10 + digit(s, colon + 2);
    if (h >= 0 && h <= 24 && m >= 0 && m < 60) return { weekday, minutes: (h % 24) * 60 + m };
  }
  return fromParts(f.formatToParts(now));
}

function fromParts(parts: Intl.DateTimeFormatPart[]): LocalTime {
  let weekday = -1;
  let h = NaN;
  let m = NaN;
  for (const p of parts) {
    if (p.type === "weekday") weekday = WEEKDAYS[p.value.slice(0, 3)] ?? -1;
    else if (p.type === "hour") h = Number(p.value) % 24;
    else if (p.type === "minute") m = Number(p.value);
  }
  if (weekday < 0 || !(h >= 0) || !(m >= 0)) throw new Error(`Cannot read the local time from ${JSON.stringify(parts)}`);
  return { weekday, minutes: h * 60 + m };
}

/** "HH:MM" → minutes since midnight; the schema has checked the shape, so no regex on the hot path. */
export function minutesOf(hhmm: string): number {
  return (digit(hhmm, 0) * 10 + digit(hhmm, 1)) * 60 + digit(hhmm, 3) * 10 + digit(hhmm, 4);
}

/** Whether `schedule` holds at a local time already worked out (decide() works it out once per call). */
export function holdsAt(schedule: Schedule, local: LocalTime): boolean {
  const from = minutesOf(schedule.from);
  const to = minutesOf(schedule.to);
  const { weekday, minutes } = local;
  if (from < to) return minutes >= from && minutes < to && schedule.days.includes(weekday);
  // Past midnight: the evening part on a listed day, or the morning part on the day after one.
  if (minutes >= from) return schedule.days.includes(weekday);
  return minutes < to && schedule.days.includes(weekday === 0 ? 6 : weekday - 1);
}

/** Whether `schedule` holds at `now` on the wall clock of `timeZone` (see the top of this file for DST). */
export function inSchedule(schedule: Schedule, timeZone: string, now: Date): boolean {
  return holdsAt(schedule, localTime(timeZone, now));
}
