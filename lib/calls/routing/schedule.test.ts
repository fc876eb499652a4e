import { describe, expect, it } from "vitest";
import type { Schedule } from "./rules";
import { holdsAt, inSchedule, localTime, minutesOf } from "./schedule";

const utc = (iso: string) => new Date(`${iso}Z`);
const SUN = 0;
const MON = 1;
const FRI = 5;
const SAT = 6;
const WEEKDAYS = [MON, 2, 3, 4, FRI];

/** The UTC minutes ("HH:MM") in [start, end) at which the schedule holds, as runs "first–last+1". */
function holding(s: Schedule, tz: string, startIso: string, endIso: string): string[] {
  const runs: string[] = [];
  let runStart: number | null = null;
  const end = utc(endIso).getTime();
  for (let t = utc(startIso).getTime(); t <= end; t += 60_000) {
    const on = t < end && inSchedule(s, tz, new Date(t));
    if (on && runStart === null) runStart = t;
    if (!on && runStart !== null) {
      runs.push(`${new Date(runStart).toISOString().slice(11, 16)}–${new Date(t).toISOString().slice(11, 16)}`);
      runStart = null;
    }
  }
  return runs;
}

describe("local time", () => {
  it("reads weekday and minutes in the zone, seconds dropped", () => {
    expect(localTime("UTC", utc("2026-03-06T22:05:59"))).toEqual({ weekday: FRI, minutes: 22 * 60 + 5 });
    expect(localTime("Asia/Tokyo", utc("2026-03-06T22:05:00"))).toEqual({ weekday: SAT, minutes: 7 * 60 + 5 });
    expect(localTime("Asia/Kolkata", utc("2026-03-01T18:29:00"))).toEqual({ weekday: SUN, minutes: 23 * 60 + 59 });
    expect(localTime("Asia/Kolkata", utc("2026-03-01T18:30:00"))).toEqual({ weekday: MON, minutes: 0 });
    expect(localTime("America/Los_Angeles", utc("2026-03-02T07:59:00"))).toEqual({ weekday: SUN, minutes: 23 * 60 + 59 });
  });
  it("follows the daylight-saving changes", () => {
    // New York: 2026-03-08 02:00 EST → 03:00 EDT; 2026-11-01 02:00 EDT → 01:00 EST.
    expect(localTime("America/New_York", utc("2026-03-08T06:59:00"))).toEqual({ weekday: SUN, minutes: 60 + 59 });
    expect(localTime("America/New_York", utc("2026-03-08T07:00:00"))).toEqual({ weekday: SUN, minutes: 3 * 60 });
    expect(localTime("America/New_York", utc("2026-11-01T05:59:00"))).toEqual({ weekday: SUN, minutes: 60 + 59 });
    expect(localTime("America/New_York", utc("2026-11-01T06:00:00"))).toEqual({ weekday: SUN, minutes: 60 });
    // Lisbon: 2026-03-29 01:00 WET → 02:00 WEST; 2026-10-25 02:00 WEST → 01:00 WET.
    expect(localTime("Europe/Lisbon", utc("2026-03-29T00:59:00"))).toEqual({ weekday: SUN, minutes: 59 });
    expect(localTime("Europe/Lisbon", utc("2026-03-29T01:00:00"))).toEqual({ weekday: SUN, minutes: 2 * 60 });
    expect(localTime("Europe/Lisbon", utc("2026-10-25T00:59:00"))).toEqual({ weekday: SUN, minutes: 60 + 59 });
    expect(localTime("Europe/Lisbon", utc("2026-10-25T01:00:00"))).toEqual({ weekday: SUN, minutes: 60 });
  });
  it("refuses an unknown zone", () => {
    expect(() => localTime("Mars/Olympus_Mons", new Date())).toThrow(RangeError);
  });
  it("reads HH:MM", () => {
    expect([minutesOf("00:00"), minutesOf("09:05"), minutesOf("23:59")]).toEqual([0, 545, 1439]);
  });
});

describe("a range within one day", () => {
  const office: Schedule = { days: WEEKDAYS, from: "09:00", to: "17:00" };
  it("holds from `from` inclusive to `to` exclusive on the listed days only", () => {
    expect(holdsAt(office, { weekday: MON, minutes: 9 * 60 })).toBe(true);
    expect(holdsAt(office, { weekday: MON, minutes: 9 * 60 - 1 })).toBe(false);
    expect(holdsAt(office, { weekday: FRI, minutes: 17 * 60 - 1 })).toBe(true);
    expect(holdsAt(office, { weekday: FRI, minutes: 17 * 60 })).toBe(false);
    expect(holdsAt(office, { weekday: SAT, minutes: 12 * 60 })).toBe(false);
    expect(holdsAt(office, { weekday: SUN, minutes: 12 * 60 })).toBe(false);
  });
  it("is read in the member's zone, not UTC", () => {
    // Monday 2026-03-02: 09:00 in Tokyo is 00:00 UTC, when it is still Sunday 16:00 in Los Angeles.
    expect(holding(office, "Asia/Tokyo", "2026-03-01T12:00", "2026-03-02T12:00")).toEqual(["00:00–08:00"]);
    expect(holding(office, "Asia/Kolkata", "2026-03-02T00:00", "2026-03-03T00:00")).toEqual(["03:30–11:30"]);
    expect(inSchedule(office, "America/Los_Angeles", utc("2026-03-02T00:30"))).toBe(false);
    expect(inSchedule(office, "America/Los_Angeles", utc("2026-03-02T17:00"))).toBe(true);
    expect(inSchedule(office, "UTC", utc("2026-03-02T17:00"))).toBe(false);
  });
});

describe("a range past midnight", () => {
  const fridayNight: Schedule = { days: [FRI], from: "22:00", to: "06:00" };
  it("holds from `from` on a listed day until `to` the next day", () => {
    // 2026-03-06 is a Friday.
    expect(inSchedule(fridayNight, "UTC", utc("2026-03-07T03:00"))).toBe(true);
    expect(inSchedule(fridayNight, "UTC", utc("2026-03-06T22:00"))).toBe(true);
    expect(inSchedule(fridayNight, "UTC", utc("2026-03-07T05:59:59"))).toBe(true);
    expect(inSchedule(fridayNight, "UTC", utc("2026-03-06T21:59"))).toBe(false);
    expect(inSchedule(fridayNight, "UTC", utc("2026-03-07T06:00"))).toBe(false);
    // Saturday night and Friday's own early morning are not named by "Friday".
    expect(inSchedule(fridayNight, "UTC", utc("2026-03-07T23:00"))).toBe(false);
    expect(inSchedule(fridayNight, "UTC", utc("2026-03-06T03:00"))).toBe(false);
    expect(holding(fridayNight, "UTC", "2026-03-02T00:00", "2026-03-09T00:00")).toEqual(["22:00–06:00"]);
  });
  it("wraps from Saturday into Sunday", () => {
    const saturdayNight: Schedule = { days: [SAT], from: "23:30", to: "00:30" };
    expect(holdsAt(saturdayNight, { weekday: SUN, minutes: 10 })).toBe(true);
    expect(holdsAt(saturdayNight, { weekday: SAT, minutes: 10 })).toBe(false);
    expect(holdsAt(saturdayNight, { weekday: SAT, minutes: 23 * 60 + 45 })).toBe(true);
    expect(holdsAt(saturdayNight, { weekday: MON, minutes: 10 })).toBe(false);
  });
  it("treats `to` before `from` by one minute as all but a minute", () => {
    const nearlyAlways: Schedule = { days: [0, 1, 2, 3, 4, 5, 6], from: "00:01", to: "00:00" };
    expect(holding(nearlyAlways, "UTC", "2026-03-02T00:00", "2026-03-03T00:00")).toEqual(["00:01–00:00"]);
  });
  it("is read in the member's zone", () => {
    // Friday 22:00 in Lisbon (WET, UTC+0 in March) and in Tokyo (UTC+9).
    expect(holding(fridayNight, "Europe/Lisbon", "2026-03-06T00:00", "2026-03-08T00:00")).toEqual(["22:00–06:00"]);
    expect(holding(fridayNight, "Asia/Tokyo", "2026-03-06T00:00", "2026-03-08T00:00")).toEqual(["13:00–21:00"]);
  });
});

describe("daylight-saving change days (wall-clock time)", () => {
  const sunday = (from: string, to: string): Schedule => ({ days: [SUN], from, to });
  const saturdayNight: Schedule = { days: [SAT], from: "22:00", to: "06:00" };

  it("New York, spring forward (2026-03-08, 02:00 → 03:00)", () => {
    const tz = "America/New_York";
    const day = ["2026-03-08T00:00", "2026-03-09T00:00"] as const;
    expect(holding(sunday("02:00", "02:30"), tz, ...day)).toEqual([]); // never on the clock that day
    expect(holding(sunday("01:30", "02:30"), tz, ...day)).toEqual(["06:30–07:00"]); // ends at the jump
    expect(holding(sunday("02:30", "04:00"), tz, ...day)).toEqual(["07:00–08:00"]); // starts at the jump
    expect(holding(sunday("09:00", "17:00"), tz, ...day)).toEqual(["13:00–21:00"]); // EDT, UTC−4
    // Saturday 22:00 EST to Sunday 06:00 EDT: eight hours on the clock, seven real ones.
    expect(holding(saturdayNight, tz, "2026-03-07T12:00", "2026-03-08T18:00")).toEqual(["03:00–10:00"]);
  });
  it("New York, fall back (2026-11-01, 02:00 → 01:00)", () => {
    const tz = "America/New_York";
    const day = ["2026-11-01T00:00", "2026-11-02T00:00"] as const;
    expect(holding(sunday("01:00", "02:00"), tz, ...day)).toEqual(["05:00–07:00"]); // both 01:00s
    expect(holding(sunday("01:30", "01:45"), tz, ...day)).toEqual(["05:30–05:45", "06:30–06:45"]);
    expect(holding(sunday("09:00", "17:00"), tz, ...day)).toEqual(["14:00–22:00"]); // EST, UTC−5
    // Saturday 22:00 EDT to Sunday 06:00 EST: nine real hours.
    expect(holding(saturdayNight, tz, "2026-10-31T12:00", "2026-11-01T18:00")).toEqual(["02:00–11:00"]);
  });
  it("Lisbon, spring forward (2026-03-29, 01:00 → 02:00)", () => {
    const tz = "Europe/Lisbon";
    const day = ["2026-03-28T23:00", "2026-03-29T23:00"] as const;
    expect(holding(sunday("01:00", "01:30"), tz, ...day)).toEqual([]);
    expect(holding(sunday("00:30", "01:30"), tz, ...day)).toEqual(["00:30–01:00"]);
    expect(holding(sunday("01:30", "03:00"), tz, ...day)).toEqual(["01:00–02:00"]);
    expect(holding(sunday("09:00", "17:00"), tz, ...day)).toEqual(["08:00–16:00"]); // WEST, UTC+1
  });
  it("Lisbon, fall back (2026-10-25, 02:00 → 01:00)", () => {
    const tz = "Europe/Lisbon";
    const day = ["2026-10-24T23:00", "2026-10-26T00:00"] as const;
    expect(holding(sunday("01:00", "02:00"), tz, ...day)).toEqual(["00:00–02:00"]);
    expect(holding(sunday("09:00", "17:00"), tz, ...day)).toEqual(["09:00–17:00"]); // WET, UTC+0
    expect(holding(saturdayNight, tz, "2026-10-24T12:00", "2026-10-25T18:00")).toEqual(["21:00–06:00"]);
  });
});
