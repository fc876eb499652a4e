/**
 * Vanity look-ups and registrations per second, against the real portal (HTTP),
 * on SQLite and PostgreSQL, with 100,000 members already registered.
 *   npx tsx bench/numbers.ts [--members 100000] [--db sqlite,postgres]
 * Baselines in the same run: the same look-ups before the 100,000 members are
 * loaded, and raw argon2id hashing at the same concurrency (a registration's floor).
 */
import os from "node:os";
import { hashPassword } from "../lib/auth/password";
import { db, disconnectDb } from "../lib/db/client";
import { setEnvForTests } from "../lib/env";
import { needsBuild, build } from "../scripts/launcher/prepare";
import { startStack } from "../tests/support/stack";

const arg = (name: string, dflt: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1]! : dflt;
};
const MEMBERS = Number(arg("members", "100000"));
const DATABASES = arg("db", "sqlite,postgres").split(",") as ("sqlite" | "postgres")[];
const LOOKUPS = 400;
const REGISTRATIONS = 300;
const CONCURRENCY = 20;

const LETTERS = "ABCDEFGHIJKLMNOPRSTUVWXY";
const word = (n: number) => Array.from({ length: n }, () => LETTERS[Math.floor(Math.random() * LETTERS.length)]).join("");
let ipN = 0;
const ip = () => `10.9.${(++ipN >> 8) & 255}.${ipN & 255}`;

function pct(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}
function summary(ms: number[], wallMs: number) {
  const s = [...ms].sort((a, b) => a - b);
  return {
    n: s.length,
    perSec: +(s.length / (wallMs / 1000)).toFixed(1),
    p50: +pct(s, 50).toFixed(1),
    p95: +pct(s, 95).toFixed(1),
    p99: +pct(s, 99).toFixed(1),
  };
}

/** Runs `task` `count` times with `concurrency` in flight; returns per-call latencies and wall time. */
async function pool(count: number, concurrency: number, task: (i: number) => Promise<void>) {
  const latencies: number[] = [];
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        const i = next++;
        const s = performance.now();
        await task(i);
        latencies.push(performance.now() - s);
      }
    }),
  );
  return summary(latencies, performance.now() - t0);
}

async function lookups(base: string) {
  const one = async () => {
    const res = await fetch(`${base}/api/numbers/check?q=${word(5)}&position=end`, { headers: { "x-forwarded-for": ip() } });
    if (res.status !== 200) throw new Error(`lookup answered ${res.status}`);
    await res.arrayBuffer();
  };
  for (let i = 0; i < 20; i++) await one(); // warm-up
  return { serial: await pool(LOOKUPS, 1, one), concurrent: await pool(LOOKUPS, CONCURRENCY, one) };
}

/** 100,000 members with numbers, inserted in bulk (one shared password hash: hashing is measured separately). */
async function loadMembers(count: number) {
  const client = await db();
  const hash = await hashPassword("bench password 123");
  const t0 = performance.now();
  const BATCH = 2000;
  for (let start = 0; start < count; start += BATCH) {
    const n = Math.min(BATCH, count - start);
    const members = Array.from({ length: n }, (_, k) => {
      const i = start + k;
      return {
        id: `bench${i}`,
        handle: `bench-${i}`,
        handleKey: `bench-${i}`,
        email: `bench-${i}@bench.test`,
        emailKey: `bench-${i}@bench.test`,
        passwordHash: hash,
        displayName: `Bench Member ${i}`,
        birthDate: new Date("1990-01-01"),
        city: "Benchville",
        listed: true,
      };
    });
    await client.member.createMany({ data: members });
    // Three in four numbers in the sequence's range, one in four spread like vanity choices.
    await client.phoneNumber.createMany({
      data: members.map((m, k) => {
        const i = start + k;
        const digits = i % 4 === 3 ? String(200_000_000_000 + Math.floor(Math.random() * 799_999_999_999)) : String(300_000_000_000 + i);
        return { digits, memberId: m.id, kind: i % 4 === 3 ? "vanity" : "sequential" };
      }),
    });
  }
  return +((performance.now() - t0) / 1000).toFixed(1);
}

async function registrations(base: string) {
  return pool(REGISTRATIONS, CONCURRENCY, async (i) => {
    const id = `${Date.now().toString(36)}${i}${word(3).toLowerCase()}`;
    const body = {
      displayName: `Reg ${id}`,
      handle: `r-${id}`,
      email: `r-${id}@bench.test`,
      password: "bench password 123",
      birthDate: "1990-01-01",
      city: "Benchville",
      listed: true,
      // One in three asks for a vanity number (most are free; a lost race is a 409, counted below).
      ...(i % 3 === 0 ? { number: `2222${word(8).replace(/[A-Z]/g, (c) => "22233344455566677778889999"[c.charCodeAt(0) - 65]!)}` } : {}),
    };
    const res = await fetch(`${base}/api/register`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-forwarded-for": ip() },
      body: JSON.stringify(body),
    });
    if (res.status !== 201 && res.status !== 409) throw new Error(`register answered ${res.status}: ${await res.text()}`);
    await res.arrayBuffer();
  });
}

async function hashing() {
  return pool(REGISTRATIONS, CONCURRENCY, async () => {
    await hashPassword("bench password 123");
  });
}

async function main() {
  if (needsBuild()) build();
  const results: Record<string, unknown> = {
    date: new Date().toISOString(),
    machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? "cpu"}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
    members: MEMBERS,
  };
  results.argon2id_alone = await hashing();
  let port = 3450;
  for (const kind of DATABASES) {
    const stack = await startStack({ port: port++, db: kind });
    setEnvForTests({ DATABASE_URL: stack.databaseUrl });
    try {
      const empty = await lookups(stack.url);
      const loadSeconds = await loadMembers(MEMBERS);
      const full = await lookups(stack.url);
      const reg = await registrations(stack.url);
      results[kind] = {
        lookups_baseline_36_members: empty,
        [`lookups_${MEMBERS}_members`]: full,
        bulk_load_seconds: loadSeconds,
        registrations: reg,
      };
    } finally {
      await disconnectDb();
      await stack.stop();
    }
  }
  console.log(JSON.stringify(results, null, 2));
}

await main();
