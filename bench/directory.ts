/**
 * Directory search with 1,000,000 members, timed at the HTTP route (GET /api/directory) against
 * the same SQL straight through the database driver (bench/support/raw-directory.ts), on SQLite
 * and PostgreSQL.
 *   npx tsx bench/directory.ts [--members 1000000] [--db sqlite,postgres] [--online 1000] [--reuse]
 * --reuse keeps the seeded databases (a SQLite file in the temp folder, a PostgreSQL database named
 * bench_directory_<members>) and seeds only when they are not there yet.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { type Db, db, disconnectDb } from "../lib/db/client";
import { directoryQuerySchema, searchMembers } from "../lib/directory/search-members";
import { childProcessEnv, setEnvForTests } from "../lib/env";
import { nameKey, nameWords, numberSuffixes, cityKey } from "../lib/directory/search-keys";
import { build, needsBuild } from "../scripts/launcher/prepare";
import { startStack } from "../tests/support/stack";
import { insertRows, prepareBulkLoad } from "./support/bulk-seed";
import { type RawDirectory, rawDirectory } from "./support/raw-directory";

const arg = (n: string, d: string) => (process.argv.includes(`--${n}`) ? process.argv[process.argv.indexOf(`--${n}`) + 1]! : d);
const MEMBERS = Number(arg("members", "1000000"));
const DATABASES = arg("db", "sqlite,postgres").split(",") as ("sqlite" | "postgres")[];
const ONLINE = Number(arg("online", "1000"));
const QUERIES = 300;
const REUSE = process.argv.includes("--reuse");

/** With --reuse, a database that outlives the run; otherwise undefined (a fresh one per stack). */
function reusableDatabase(kind: "sqlite" | "postgres"): string | undefined {
  if (!REUSE) return undefined;
  if (kind === "sqlite") {
    const dir = path.join(os.tmpdir(), `portal-bench-directory-${MEMBERS}`);
    fs.mkdirSync(dir, { recursive: true });
    return `file:${path.join(dir, "portal.db")}`;
  }
  const name = `bench_directory_${MEMBERS}`;
  spawnSync("scripts/pg-local.sh", ["start"], { env: childProcessEnv({ PG_DB: name }), encoding: "utf8" }); // fails harmlessly when it exists
  return `postgresql://postgres@127.0.0.1:5433/${name}`;
}

const FIRST = [
  "Ada",
  "Bruno",
  "Chloé",
  "Dmitri",
  "Emma",
  "Farid",
  "Grace",
  "Hiroshi",
  "Isabela",
  "Jamal",
  "Katarzyna",
  "Liam",
  "Maya",
  "Noah",
  "Olivia",
  "Pedro",
  "Quinn",
  "Rania",
  "Sofia",
  "Tomás",
  "Uma",
  "Victor",
  "Wen",
  "Xavier",
  "Yasmin",
  "Zanele",
  "Amara",
  "Björn",
  "Camila",
  "Daniel",
  "Elif",
  "Felix",
  "Giulia",
  "Hannah",
  "Ivan",
  "Jun",
  "Léa",
  "Mateo",
  "Nadia",
  "Oskar",
];
const LAST = [
  "Okafor",
  "Martins",
  "Dubois",
  "Volkov",
  "Lindqvist",
  "Haddad",
  "Kim",
  "Tanaka",
  "Costa",
  "Wright",
  "Nowak",
  "O'Brien",
  "Patel",
  "Cohen",
  "Brown",
  "Alvarez",
  "Taylor",
  "Youssef",
  "Rossi",
  "Herrera",
  "Nair",
  "Nguyen",
  "Li",
  "Laurent",
  "Ali",
  "Dlamini",
  "Mensah",
  "Sørensen",
  "Reyes",
  "Schmidt",
  "Yılmaz",
  "Wagner",
  "Bianchi",
  "Müller",
  "Petrov",
  "Watanabe",
  "García",
  "Kowalski",
  "Jensen",
  "Fischer",
];
const CITIES = [
  "Lagos",
  "Lisbon",
  "Paris",
  "Berlin",
  "Stockholm",
  "Beirut",
  "Seoul",
  "Osaka",
  "São Paulo",
  "Chicago",
  "Kraków",
  "Dublin",
  "Mumbai",
  "Tel Aviv",
  "London",
  "Madrid",
];
const rand = <T>(a: T[]) => a[Math.floor(Math.random() * a.length)]!;

function pct(s: number[], p: number) {
  return +s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!.toFixed(1);
}

async function seedMembers(kind: "sqlite" | "postgres", count: number) {
  const client = await db();
  const t0 = performance.now();
  await client.presenceConnection.deleteMany({ where: { nodeId: "bench" } });
  if ((await client.member.count()) >= count) {
    process.stderr.write(`  ${kind}: reusing ${count} seeded members\n`);
    await addOnline(client, count);
    return 0;
  }
  const finish = await prepareBulkLoad(client, kind);
  const BATCH = 20_000;
  const born = new Date("1990-01-01");
  const now = new Date();
  for (let start = 0; start < count; start += BATCH) {
    const n = Math.min(BATCH, count - start);
    const members = Array.from({ length: n }, (_, k) => {
      const i = start + k;
      const name = `${rand(FIRST)} ${rand(LAST)}`;
      const city = rand(CITIES);
      return { id: `d${i}`, i, name, city };
    });
    const digits = members.map((m) => String(300_000_000_000 + ((m.i * 7919) % 699_999_999_999)));
    await insertRows(
      client,
      kind,
      "Member",
      [
        "id",
        "handle",
        "handleKey",
        "email",
        "emailKey",
        "passwordHash",
        "displayName",
        "nameKey",
        "birthDate",
        "city",
        "cityKey",
        "listed",
        "interests",
        "createdAt",
        "updatedAt",
      ],
      members.map((m) => [
        m.id,
        `d-${m.i}`,
        `d-${m.i}`,
        `d${m.i}@dir.test`,
        `d${m.i}@dir.test`,
        "x",
        m.name,
        nameKey(m.name),
        born,
        m.city,
        cityKey(m.city),
        m.i % 20 !== 0,
        JSON.stringify([rand(["jazz", "chess", "cycling", "cooking", "football"])]),
        now,
        now,
      ]),
    );
    await insertRows(
      client,
      kind,
      "MemberNameWord",
      ["word", "memberId"],
      members.flatMap((m) => nameWords(m.name).map((w) => [w, m.id])),
    );
    await insertRows(
      client,
      kind,
      "PhoneNumber",
      ["digits", "memberId", "kind", "assignedAt"],
      members.map((m, k) => [digits[k]!, m.id, "sequential", now]),
    );
    await insertRows(
      client,
      kind,
      "NumberSuffix",
      ["suffix", "digits"],
      digits.flatMap((d) => numberSuffixes(d).map((s) => [s, d])),
    );
    if ((start / BATCH) % 10 === 0)
      process.stderr.write(`  ${kind}: ${start + n} members, ${((performance.now() - t0) / 1000).toFixed(0)} s\n`);
  }
  const loaded = performance.now();
  await finish();
  process.stderr.write(`  ${kind}: indexes rebuilt in ${((performance.now() - loaded) / 1000).toFixed(0)} s\n`);
  await addOnline(client, count);
  return +((performance.now() - t0) / 1000).toFixed(0);
}

/** Members online now: presence rows that stay live for the whole run. */
async function addOnline(client: Db, count: number) {
  const seen = new Date(Date.now() + 10 * 60_000);
  await client.presenceConnection.createMany({
    data: Array.from({ length: ONLINE }, (_, i) => ({
      id: `bench-conn-${i}`,
      memberId: `d${(i * 37) % count}`,
      nodeId: "bench",
      deviceId: "d",
      address: "127.0.0.1",
      userAgent: "bench",
      connectedAt: new Date(),
      lastSeenAt: seen,
    })),
  });
}

/**
 * One query line: `QUERIES` random queries through the HTTP route and as many through the raw
 * baseline, alternating (each its own random query, so neither warms the other's rows), after 20
 * warm-ups of each. The goal (issue 16): HTTP p95 within raw p95 + 10 ms.
 */
async function timeLine(base: string, raw: RawDirectory, label: string, make: () => string) {
  const http: number[] = [];
  const bare: number[] = [];
  // The trace between the two: the route's own search (the same reads, the rules, the rows' shape) in this process.
  const inProcess: number[] = [];
  const client = await db();
  const search = (qs: string) => searchMembers(client, directoryQuerySchema.parse(Object.fromEntries(new URLSearchParams(qs))));
  let totalRows = 0;
  const get = (qs: string, i: number) =>
    fetch(`${base}/api/directory?${qs}`, { headers: { "x-forwarded-for": `10.8.${(i >> 8) & 255}.${i & 255}` } });
  for (let i = 0; i < 20; i++) {
    await get(make(), i).then((r) => r.arrayBuffer());
    await raw.page(make());
    await search(make());
  }
  for (let i = 0; i < QUERIES; i++) {
    let t = performance.now();
    await raw.page(make());
    bare.push(performance.now() - t);
    t = performance.now();
    await search(make());
    inProcess.push(performance.now() - t);
    t = performance.now();
    const res = await get(make(), i);
    const body = (await res.json()) as { rows: unknown[] };
    http.push(performance.now() - t);
    if (res.status !== 200) throw new Error(`${label}: ${res.status} ${JSON.stringify(body)}`);
    totalRows += body.rows.length;
  }
  http.sort((a, b) => a - b);
  bare.sort((a, b) => a - b);
  inProcess.sort((a, b) => a - b);
  const h = { p50: pct(http, 50), p95: pct(http, 95), p99: pct(http, 99) };
  const r = { p50: pct(bare, 50), p95: pct(bare, 95), p99: pct(bare, 99) };
  return {
    http: h,
    raw: r,
    search_in_process: { p50: pct(inProcess, 50), p95: pct(inProcess, 95), p99: pct(inProcess, 99) },
    p95_gap_ms: +(h.p95 - r.p95).toFixed(1),
    ratio_p50: +(h.p50 / r.p50).toFixed(2),
    ratio_p95: +(h.p95 / r.p95).toFixed(2),
    goal_met: h.p95 <= r.p95 + 10,
    avgRows: +(totalRows / QUERIES).toFixed(1),
  };
}

async function main() {
  if (needsBuild()) build();
  const out: Record<string, unknown> = {
    date: new Date().toISOString(),
    machine: `${os.cpus().length} × ${os.cpus()[0]?.model}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
    members: MEMBERS,
    online: ONLINE,
  };
  let port = 3470;
  for (const kind of DATABASES) {
    const stack = await startStack({
      port: port++,
      db: kind,
      databaseUrl: reusableDatabase(kind),
      // The product's digest clock: the test stacks' 3 s one has the presence node look for members
      // to mail every second, a scan of all million that took most of a core during the run.
      env: { RATE_LIMIT_LOOKUP_PER_MINUTE: "100000", MESSAGE_DIGEST_AFTER_SECONDS: "600" },
    });
    setEnvForTests({ DATABASE_URL: stack.databaseUrl });
    try {
      const seconds = await seedMembers(kind, MEMBERS);
      const letters = () =>
        rand(FIRST)
          .slice(0, 2 + Math.floor(Math.random() * 2))
          .toLowerCase();
      const digits = () => String(Math.floor(Math.random() * 10000)).padStart(4, "0");
      const word = () => Array.from({ length: 4 }, () => rand([..."ABCDEFGHIJKLMNOPRSTUVWXY"])).join("");
      const raw = await rawDirectory(kind, stack.databaseUrl);
      const lines: [string, () => string][] = [
        ["list, online first (no filter)", () => ""],
        ["name prefix (2-3 letters)", () => `name=${letters()}&sort=name`],
        ["name prefix, online first", () => `name=${letters()}`],
        ["4 digits inside the number", () => `number=${digits()}&sort=name`],
        ["vanity word (4 letters)", () => `number=${word()}&sort=name`],
        ["online now", () => "online=1"],
        ["online now + name prefix", () => `online=1&name=${letters()}`],
        ["city prefix", () => `city=${rand(CITIES).slice(0, 3)}&sort=name`],
      ];
      const result: Record<string, unknown> = { seed_seconds: seconds };
      try {
        for (const [label, make] of lines) {
          result[label] = await timeLine(stack.url, raw, label, make);
          process.stderr.write(`  ${kind} ${label}: ${JSON.stringify(result[label])}\n`);
        }
      } finally {
        await raw.close();
      }
      out[kind] = result;
      process.stderr.write(`${kind}: ${JSON.stringify(out[kind])}\n`);
    } finally {
      await disconnectDb();
      await stack.stop();
    }
  }
  console.log(JSON.stringify(out, null, 2));
}

await main();
