/**
 * The personal routing decision (issue 15), worst case: 50 rules of which only the last matches,
 * in a non-UTC zone, against a bare baseline measured in the same run.
 *   npx tsx bench/routing-rules.ts [--calls 100000]
 * Bare baseline: the same 50 conditions as one straight-line JS predicate chain (`if (…) return id;`
 * × 50, constants inlined), with the local time worked out once per call by one cached formatter.
 * The chain's source is written out from the rule list and compiled once with `new Function`, which
 * gives V8 the same code as typing the 50 lines by hand, and cannot drift from the rules; it is
 * checked against decide() on varied inputs before timing.
 * Each call is timed on its own with performance.now(); the ~0.1 µs a pair of readings costs is in
 * both sides' figures alike.
 */
import os from "node:os";
import { decide } from "../lib/calls/routing/decide";
import {
  type CallerFacts,
  type DecideInput,
  type Rule,
  type RoutingStatus,
  ruleDocSchema,
  type Schedule,
} from "../lib/calls/routing/rules";
import { localTime, minutesOf } from "../lib/calls/routing/schedule";

const arg = (n: string, d: string) => (process.argv.includes(`--${n}`) ? process.argv[process.argv.indexOf(`--${n}`) + 1]! : d);
const CALLS = Number(arg("calls", "100000"));
const WARMUP = 20_000;
const ROUNDS = 10; // the two sides take turns, so a burst of other work on the machine hits both
const ZONE = "America/New_York";
const WEEKDAYS = [1, 2, 3, 4, 5];

// 49 rules that fail, in five shapes that fail at different steps (status, callers, schedule), then
// one that matches every input below: statuses online/away, a member in group g-b, weekdays 08–20.
function ruleAt(i: number): unknown {
  if (i === 49) {
    return {
      id: "r50",
      name: "Working hours",
      when: {
        statuses: ["online", "away"],
        callers: [{ type: "favourites" }, { type: "group", groupId: "g-b" }],
        schedule: sched(WEEKDAYS, "08:00", "20:00"),
      },
      then: { type: "ring", devices: "sequence", seconds: 20, otherwise: { type: "forward", to: "351912345678" } },
    };
  }
  const id = `r${i + 1}`;
  const then = { type: "decline", text: `rule ${i + 1}` };
  switch (i % 5) {
    case 0:
      return { id, when: { statuses: ["busy", "offline"] }, then };
    case 1:
      return { id, when: { callers: [{ type: "group", groupId: `g-x${i}` }, { type: "guests" }, { type: "favourites" }] }, then };
    case 2:
      return {
        id,
        when: { statuses: ["online", "away"], callers: [{ type: "strangers" }], schedule: sched([0, 6], "10:00", "18:00") },
        then,
      };
    case 3:
      return { id, when: { callers: [{ type: "repeat" }, { type: "contacts" }], schedule: sched(WEEKDAYS, "20:00", "08:00") }, then };
    default:
      return { id, when: { callers: [{ type: "group", groupId: "g-b" }], schedule: sched(WEEKDAYS, "22:00", "07:00") }, then };
  }
}
const sched = (days: number[], from: string, to: string): Schedule => ({ days, from, to });
const doc = ruleDocSchema.parse({ timeZone: ZONE, rules: Array.from({ length: 50 }, (_, i) => ruleAt(i)) });

// --- the bare chain ---------------------------------------------------------------------------
const FIELD: Record<string, string> = { favourites: "c.favourite", contacts: "c.contact", repeat: "c.repeat" };
function callerSource(m: Rule["when"]["callers"][number]): string {
  if (m.type === "group") return `c.groupIds.includes(${JSON.stringify(m.groupId)})`;
  if (m.type === "strangers") return `(c.kind === "member" && !c.contact)`;
  if (m.type === "guests") return `c.kind === "guest"`;
  return FIELD[m.type]!;
}
const anyOf = (v: string, xs: (string | number)[]) => `(${xs.map((x) => `${v} === ${JSON.stringify(x)}`).join(" || ")})`;
function scheduleSource(s: Schedule): string {
  const [from, to] = [minutesOf(s.from), minutesOf(s.to)];
  if (from < to) return `(m >= ${from} && m < ${to} && ${anyOf("d", s.days)})`;
  return `((m >= ${from} && ${anyOf("d", s.days)}) || (m < ${to} && ${anyOf("p", s.days)}))`;
}
const chainSource = doc.rules
  .map((r) => {
    const parts = [
      r.when.statuses.length ? anyOf("s", r.when.statuses) : "",
      r.when.callers.length ? `(${r.when.callers.map(callerSource).join(" || ")})` : "",
    ];
    if (r.when.schedule) parts.push(scheduleSource(r.when.schedule));
    return `if (${parts.filter(Boolean).join(" && ") || "true"}) return ${JSON.stringify(r.id)};`;
  })
  .join("\n");
const chain = new Function("c", "s", "m", "d", "p", `${chainSource}\nreturn null;`) as (
  c: CallerFacts,
  s: RoutingStatus,
  m: number,
  d: number,
  p: number,
) => string | null;

const bareFormatter = new Intl.DateTimeFormat("en-US", {
  timeZone: ZONE,
  weekday: "short",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});
const DAY: Record<string, number> = { Sun: 0, Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6 };
function bare(c: CallerFacts, s: RoutingStatus, now: Date): string | null {
  const t = bareFormatter.format(now); // "Mon 09:05"
  const d = DAY[t.slice(0, 3)]!;
  const m = (Number(t.slice(4, 6)) % 24) * 60 + Number(t.slice(7, 9));
  return chain(c, s, m, d, d === 0 ? 6 : d - 1);
}

// --- inputs -------------------------------------------------------------------------------------
let seed = 15;
const rand = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
const member = (f: Partial<CallerFacts>): CallerFacts => ({
  kind: "member",
  contact: false,
  favourite: false,
  groupIds: [],
  repeat: false,
  ...f,
});
const WORST_CALLERS = [member({ groupIds: ["g-a", "g-b"] }), member({ groupIds: ["g-b"] })];
// Weekdays 08:00–19:59 in New York over ten weeks from 2026-02-02 (a Monday, EST; the DST change of
// 2026-03-08 falls inside).
function workingInstant(): Date {
  const day = Math.floor(rand() * 70);
  const date = new Date(Date.UTC(2026, 1, 2 + day - (day % 7) + (day % 5), 12));
  const local = localTime(ZONE, date); // noon UTC: 07:00 or 08:00 in New York
  return new Date(date.getTime() + (8 * 60 - local.minutes) * 60_000 + Math.floor(rand() * 12 * 60) * 60_000);
}
const worst: DecideInput[] = Array.from({ length: 1024 }, (_, i) => ({
  doc,
  caller: WORST_CALLERS[i % 2]!,
  status: i % 3 === 0 ? "away" : "online",
  now: workingInstant(),
  defaultRingSeconds: 30,
}));

// Before timing: the chain and decide() agree, on the worst-case inputs and on varied ones.
const STATUSES: RoutingStatus[] = ["online", "away", "busy", "dnd", "offline"];
const varied: DecideInput[] = Array.from({ length: 20_000 }, () => ({
  doc,
  caller: {
    kind: rand() < 0.2 ? "guest" : "member",
    contact: rand() < 0.5,
    favourite: rand() < 0.2,
    repeat: rand() < 0.2,
    groupIds: rand() < 0.5 ? ["g-b"] : ["g-x1"],
  },
  status: STATUSES[Math.floor(rand() * 5)]!,
  now: new Date(Date.UTC(2026, 0, 1) + Math.floor(rand() * 365 * 24 * 60) * 60_000),
  defaultRingSeconds: 30,
}));
const seenIds = new Set<string | null>();
for (const x of [...worst, ...varied]) {
  const want = decide(x).ruleId;
  seenIds.add(want);
  if (bare(x.caller, x.status, x.now) !== want) throw new Error(`The bare chain and decide() disagree at ${x.now.toISOString()}`);
}
if (worst.some((x) => decide(x).ruleId !== "r50")) throw new Error("A worst-case input matched before the last rule");

// --- timing -------------------------------------------------------------------------------------
type Side = { name: string; run: (x: DecideInput) => unknown; samples: number[] };
const sides: Side[] = [
  { name: "bare predicate chain", run: (x) => bare(x.caller, x.status, x.now), samples: [] },
  { name: "decide()", run: (x) => decide(x), samples: [] },
  { name: "of which localTime()", run: (x) => localTime(ZONE, x.now), samples: [] },
];
let sink = 0;
for (const side of sides) for (let i = 0; i < WARMUP; i++) sink += side.run(worst[i & 1023]!) ? 1 : 0;
const perRound = Math.ceil(CALLS / ROUNDS);
for (let r = 0; r < ROUNDS; r++) {
  for (const side of sides) {
    for (let i = 0; i < perRound; i++) {
      const x = worst[(r * perRound + i) & 1023]!;
      const t0 = performance.now();
      const out = side.run(x);
      side.samples.push(performance.now() - t0);
      sink += out ? 1 : 0;
    }
  }
}

const pct = (sorted: Float64Array, p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
const [bareStats, portal, local] = sides.map((side) => {
  const s = Float64Array.from(side.samples, (ms) => ms * 1000).sort();
  return { name: side.name, p50: pct(s, 50), p99: pct(s, 99), max: s[s.length - 1]!, mean: s.reduce((a, b) => a + b, 0) / s.length };
}) as [Stats, Stats, Stats];
type Stats = { name: string; p50: number; p99: number; max: number; mean: number };
const f = (n: number) => n.toFixed(2);
console.log(
  `Node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model}; ${ZONE}; 50 rules, the last matches; ${perRound * ROUNDS} calls per side`,
);
console.log(`rule ids decided over the check's inputs: ${seenIds.size} different (sink ${sink})\n`);
console.log("| per call (µs) | p50 | p99 | max | mean |");
console.log("|---|---|---|---|---|");
for (const s of [bareStats, portal, local]) console.log(`| ${s.name} | ${f(s.p50)} | ${f(s.p99)} | ${f(s.max)} | ${f(s.mean)} |`);
console.log(
  `| decide() ÷ bare | ${f(portal.p50 / bareStats.p50)} | ${f(portal.p99 / bareStats.p99)} | | ${f(portal.mean / bareStats.mean)} |`,
);
console.log(`\ngoal (issue 15): p99 well under 1,000 µs — ${portal.p99 < 1000 ? "met" : "NOT met"} (${f(portal.p99)} µs)`);
