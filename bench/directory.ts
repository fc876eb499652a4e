/**
 * Directory search with 1,000,000 members, timed at the HTTP route
 * (GET /api/directory), on SQLite and PostgreSQL.
 *   npx tsx bench/directory.ts [--members 1000000] [--db sqlite,postgres] [--online 1000]
 */
import os from "node:os";
import { db, disconnectDb } from "../lib/db/client";
import { resetEnvForTests } from "../lib/env";
import { nameKey, nameWords, numberSuffixes, cityKey } from "../lib/directory/search-keys";
import { build, needsBuild } from "../scripts/launcher/prepare";
import { startStack } from "../tests/support/stack";

const arg = (n: string, d: string) => (process.argv.includes(`--${n}`) ? process.argv[process.argv.indexOf(`--${n}`) + 1]! : d);
const MEMBERS = Number(arg("members", "1000000"));
const DATABASES = arg("db", "sqlite,postgres").split(",") as ("sqlite" | "postgres")[];
const ONLINE = Number(arg("online", "1000"));
const QUERIES = 300;

const FIRST = ["Ada", "Bruno", "Chloé", "Dmitri", "Emma", "Farid", "Grace", "Hiroshi", "Isabela", "Jamal", "Katarzyna", "Liam", "Maya", "Noah", "Olivia", "Pedro", "Quinn", "Rania", "Sofia", "Tomás", "Uma", "Victor", "Wen", "Xavier", "Yasmin", "Zanele", "Amara", "Björn", "Camila", "Daniel", "Elif", "Felix", "Giulia", "Hannah", "Ivan", "Jun", "Léa", "Mateo", "Nadia", "Oskar"];
const LAST = ["Okafor", "Martins", "Dubois", "Volkov", "Lindqvist", "Haddad", "Kim", "Tanaka", "Costa", "Wright", "Nowak", "O'Brien", "Patel", "Cohen", "Brown", "Alvarez", "Taylor", "Youssef", "Rossi", "Herrera", "Nair", "Nguyen", "Li", "Laurent", "Ali", "Dlamini", "Mensah", "Sørensen", "Reyes", "Schmidt", "Yılmaz", "Wagner", "Bianchi", "Müller", "Petrov", "Watanabe", "García", "Kowalski", "Jensen", "Fischer"];
const CITIES = ["Lagos", "Lisbon", "Paris", "Berlin", "Stockholm", "Beirut", "Seoul", "Osaka", "São Paulo", "Chicago", "Kraków", "Dublin", "Mumbai", "Tel Aviv", "London", "Madrid"];
const rand = <T,>(a: T[]) => a[Math.floor(Math.random() * a.length)]!;

function pct(s: number[], p: number) {
  return +s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!.toFixed(1);
}

async function seedMembers(count: number) {
  const client = await db();
  // Seeding only: the benchmark's own SQLite connection skips fsync (WAL keeps the file consistent).
  if (process.env.DATABASE_URL?.startsWith("file:")) await client.$queryRawUnsafe("PRAGMA synchronous = OFF");
  const t0 = performance.now();
  const BATCH = 4000;
  for (let start = 0; start < count; start += BATCH) {
    const n = Math.min(BATCH, count - start);
    const members = Array.from({ length: n }, (_, k) => {
      const i = start + k;
      const name = `${rand(FIRST)} ${rand(LAST)}`;
      const city = rand(CITIES);
      return {
        id: `d${i}`, handle: `d-${i}`, handleKey: `d-${i}`, email: `d${i}@dir.test`, emailKey: `d${i}@dir.test`, passwordHash: "x",
        displayName: name, nameKey: nameKey(name), birthDate: new Date("1990-01-01"), city, cityKey: cityKey(city), listed: i % 20 !== 0,
        interests: JSON.stringify([rand(["jazz", "chess", "cycling", "cooking", "football"])]),
      };
    });
    const digits = members.map((_, k) => String(300_000_000_000 + (start + k) * 7919 % 699_999_999_999));
    await client.member.createMany({ data: members });
    await client.memberNameWord.createMany({ data: members.flatMap((m) => nameWords(m.displayName).map((word) => ({ word, memberId: m.id }))) });
    await client.phoneNumber.createMany({ data: members.map((m, k) => ({ digits: digits[k]!, memberId: m.id, kind: "sequential" })) });
    await client.numberSuffix.createMany({ data: digits.flatMap((d) => numberSuffixes(d).map((suffix) => ({ suffix, digits: d }))) });
    if ((start / BATCH) % 50 === 0) process.stderr.write(`  seeded ${start + n} members\n`);
  }
  // Members online now: live presence rows on a node that keeps beating during the run.
  const now = new Date(Date.now() + 10 * 60_000);
  await client.presenceConnection.createMany({
    data: Array.from({ length: ONLINE }, (_, i) => ({
      id: `bench-conn-${i}`, memberId: `d${i * 37 % count}`, nodeId: "bench", deviceId: "d", address: "127.0.0.1", userAgent: "bench",
      connectedAt: new Date(), lastSeenAt: now,
    })),
  });
  return +((performance.now() - t0) / 1000).toFixed(0);
}

async function timeQueries(base: string, label: string, make: () => string) {
  const ms: number[] = [];
  let totalRows = 0;
  for (let i = 0; i < 20; i++) await fetch(`${base}/api/directory?${make()}`, { headers: { "x-forwarded-for": `10.8.0.${i}` } }).then((r) => r.arrayBuffer());
  for (let i = 0; i < QUERIES; i++) {
    const t = performance.now();
    const res = await fetch(`${base}/api/directory?${make()}`, { headers: { "x-forwarded-for": `10.8.${(i >> 8) & 255}.${i & 255}` } });
    const body = (await res.json()) as { rows: unknown[] };
    ms.push(performance.now() - t);
    if (res.status !== 200) throw new Error(`${label}: ${res.status} ${JSON.stringify(body)}`);
    totalRows += body.rows.length;
  }
  ms.sort((a, b) => a - b);
  return { p50: pct(ms, 50), p95: pct(ms, 95), p99: pct(ms, 99), avgRows: +(totalRows / QUERIES).toFixed(1) };
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
    const stack = await startStack({ port: port++, db: kind, env: { RATE_LIMIT_LOOKUP_PER_MINUTE: "100000" } });
    process.env.DATABASE_URL = stack.databaseUrl;
    resetEnvForTests();
    try {
      const seconds = await seedMembers(MEMBERS);
      const letters = () => rand(FIRST).slice(0, 2 + Math.floor(Math.random() * 2)).toLowerCase();
      const digits = () => String(Math.floor(Math.random() * 10000)).padStart(4, "0");
      const word = () => Array.from({ length: 4 }, () => rand([..."ABCDEFGHIJKLMNOPRSTUVWXY"])).join("");
      out[kind] = {
        seed_seconds: seconds,
        "list, online first (no filter)": await timeQueries(stack.url, "list", () => ""),
        "name prefix (2-3 letters)": await timeQueries(stack.url, "name", () => `name=${letters()}&sort=name`),
        "name prefix, online first": await timeQueries(stack.url, "name-online-first", () => `name=${letters()}`),
        "4 digits inside the number": await timeQueries(stack.url, "digits", () => `number=${digits()}&sort=name`),
        "vanity word (4 letters)": await timeQueries(stack.url, "vanity", () => `number=${word()}&sort=name`),
        "online now": await timeQueries(stack.url, "online", () => "online=1"),
        "online now + name prefix": await timeQueries(stack.url, "online+name", () => `online=1&name=${letters()}`),
        "city prefix": await timeQueries(stack.url, "city", () => `city=${rand(CITIES).slice(0, 3)}&sort=name`),
      };
      process.stderr.write(`${kind}: ${JSON.stringify(out[kind])}\n`);
    } finally {
      await disconnectDb();
      await stack.stop();
    }
  }
  console.log(JSON.stringify(out, null, 2));
}

await main();
