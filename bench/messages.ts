/**
 * Instant messages through the whole portal, against a bare Socket.IO relay measured in the same run:
 *   - send → the recipient's other device: a member's device sends a message over its presence
 *     socket as the browser does (--via http: POSTs it to the route instead); it is stored, sequenced
 *     and told on the bus, and the recipient's connection to the presence server receives it; sustained
 *     at --rate messages a second spread over --conversations conversations, p50 / p99;
 *   - the bare relay (bench/support/bare-message-server.ts) gets the same rate from socket clients to
 *     the same number of recipients: emit → receive, p50 / p99, and the portal's figures as ratios;
 *   - catching up: a device away for 10,000 messages asks the sync route until it has them all,
 *     against the raw query that reads those rows.
 *   npx tsx bench/messages.ts [--via socket|http] [--rate 1000] [--seconds 15] [--conversations 1000] [--senders 20] [--catch-up 10000]
 * Recipients run in a process of their own (bench/support/message-receivers.ts); one node, SQLite.
 */
import { fork, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { io, type Socket } from "socket.io-client";
import { db, disconnectDb } from "../lib/db/client";
import { setEnvForTests } from "../lib/env";
import { openDirect } from "../lib/messages/open-direct";
import { uuid7 } from "../lib/messages/uuid7";
import { issueTicket } from "../lib/presence/tickets";
import { startStack } from "../tests/support/stack";

const arg = (n: string, d: string) => (process.argv.includes(`--${n}`) ? process.argv[process.argv.indexOf(`--${n}`) + 1]! : d);
const RATE = Number(arg("rate", "1000"));
const SECONDS = Number(arg("seconds", "15"));
const CONVERSATIONS = Number(arg("conversations", "1000"));
const SENDERS = Number(arg("senders", "20"));
const CATCH_UP = Number(arg("catch-up", "10000"));
const VIA = arg("via", "socket") as "socket" | "http";
const root = path.resolve(import.meta.dirname, "..");
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]! : NaN;
};
let ipN = 0;
const ip = () => `10.99.${Math.floor(++ipN / 250)}.${ipN % 250}`;

const stack = await startStack({
  port: 3590,
  env: { MESSAGES_PER_MINUTE: "100000000", NEW_CONVERSATIONS_PER_HOUR: "100000", RATE_LIMIT_AUTH_PER_MINUTE: "100000", SEED_DEMO: "0" },
});
setEnvForTests({ DATABASE_URL: stack.databaseUrl });
const client = await db();
const secrets = JSON.parse(fs.readFileSync(path.join(stack.dataDir, "secrets.json"), "utf8")) as { PRESENCE_SECRET: string };

async function member(n: number): Promise<{ id: string; cookie: string }> {
  const p = {
    displayName: `Sender ${n}`,
    handle: `bench-sender-${n}-${Date.now().toString(36)}`,
    email: `bench-sender-${n}-${Date.now().toString(36)}@bench.test`,
    password: "bench password 123",
    birthDate: "1990-01-01",
    city: "Porto",
    interests: ["bench"],
    listed: false,
  };
  const reg = await fetch(`${stack.url}/api/register`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-forwarded-for": ip() },
    body: JSON.stringify(p),
  });
  if (reg.status !== 201) throw new Error(`register ${reg.status} ${await reg.text()}`);
  const { member: m } = (await reg.json()) as { member: { id: string } };
  const addr = ip();
  const csrf = await fetch(`${stack.url}/api/auth/csrf`, { headers: { "x-forwarded-for": addr } });
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await fetch(`${stack.url}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      "x-forwarded-for": addr,
      cookie: csrf.headers
        .getSetCookie()
        .map((c) => c.split(";")[0])
        .join("; "),
    },
    body: new URLSearchParams({ csrfToken, identifier: p.email, password: p.password, json: "true" }).toString(),
  });
  const session = res.headers.getSetCookie().find((c) => c.startsWith("next-auth.session-token="));
  if (!session) throw new Error("sign-in refused");
  return { id: m.id, cookie: session.split(";")[0]! };
}

console.log(`setting up: ${SENDERS} senders, ${CONVERSATIONS} recipients and conversations…`);
const senders: { id: string; cookie: string }[] = [];
for (let i = 0; i < SENDERS; i++) senders.push(await member(i));
const stamp = Date.now().toString(36);
const recipients = Array.from({ length: CONVERSATIONS }, (_, i) => `bench-r-${stamp}-${i}`);
await client.member.createMany({
  data: recipients.map((id) => ({
    id,
    handle: id,
    handleKey: id,
    email: `${id}@bench.test`,
    emailKey: `${id}@bench.test`,
    passwordHash: "x",
    displayName: `Recipient ${id}`,
    birthDate: new Date("1990-01-01"),
    city: "Porto",
    listed: false,
  })),
});
const conversations: { cid: string; sender: { id: string; cookie: string }; recipient: string }[] = [];
for (let i = 0; i < CONVERSATIONS; i++) {
  const sender = senders[i % SENDERS]!;
  const { conversationId } = await openDirect({ db: client, memberId: sender.id, otherId: recipients[i]! });
  conversations.push({ cid: conversationId, sender, recipient: recipients[i]! });
}
const presenceUrl = (
  (await (await fetch(`${stack.url}/api/presence/ticket`, { method: "POST", headers: { cookie: senders[0]!.cookie } })).json()) as {
    url: string;
  }
).url;

type Receivers = { report: () => Promise<number[]>; reset: () => void; stop: () => void };
async function startReceivers(mode: "portal" | "bare", url: string): Promise<Receivers> {
  const file = path.join(os.tmpdir(), `bench-recipients-${mode}-${process.pid}.json`);
  const list = await Promise.all(
    recipients.map(async (id) => ({ id, ticket: await issueTicket(secrets.PRESENCE_SECRET, { kind: "member", memberId: id }, 600) })),
  );
  fs.writeFileSync(file, JSON.stringify(list));
  const child = fork(path.join(root, "bench/support/message-receivers.ts"), [mode, url, file], {
    execArgv: ["--import", "tsx"],
    cwd: root,
  });
  await new Promise<void>((resolve, reject) => {
    child.on("message", (m: { type: string; message?: string }) => {
      if (m.type === "ready") resolve();
      if (m.type === "error") reject(new Error(m.message));
    });
  });
  return {
    reset: () => child.send({ type: "reset" }),
    report: () =>
      new Promise((resolve) => {
        child.once("message", (m: { latencies: number[] }) => resolve(m.latencies));
        child.send({ type: "report" });
      }),
    stop: () => child.send({ type: "stop" }),
  };
}

/** Sends at RATE a second for `seconds`, round-robin over the conversations; returns how many were sent. */
async function drive(seconds: number, send: (i: number) => void): Promise<number> {
  const perTick = RATE / 100;
  let sent = 0;
  const start = Date.now();
  while (Date.now() - start < seconds * 1000) {
    const owed = ((Date.now() - start) / 1000) * RATE - sent;
    for (let k = 0; k < Math.min(owed, perTick * 5); k++) send(sent++);
    await sleep(10);
  }
  return sent;
}

// The portal: each sender's device sends as the browser does, over its presence socket (or, with
// --via http, by the route, as a browser does when its socket is down).
const portal = await startReceivers("portal", presenceUrl);
const postTimes: number[] = [];
let failures = 0;
let inFlight = 0;
let maxInFlight = 0;
const senderSockets = new Map<string, Socket>();
if (VIA === "socket") {
  for (const s of senders) {
    const ticket = await issueTicket(secrets.PRESENCE_SECRET, { kind: "member", memberId: s.id }, 600);
    const sock = io(presenceUrl, { transports: ["websocket"], forceNew: true, auth: { ticket, deviceId: `bench-sender-${s.id}` } });
    await new Promise<void>((resolve, reject) => {
      sock.once("connect", () => resolve());
      sock.once("connect_error", reject);
    });
    senderSockets.set(s.id, sock);
  }
}
const settle = (t: number, ok: boolean) => {
  inFlight--;
  if (ok) postTimes.push(Date.now() - t);
  else failures++;
};
const post = (i: number) => {
  const c = conversations[i % conversations.length]!;
  const t = Date.now();
  inFlight++;
  maxInFlight = Math.max(maxInFlight, inFlight);
  const fields = { clientId: uuid7(), body: `t:${t}` };
  if (VIA === "socket") {
    senderSockets
      .get(c.sender.id)!
      .timeout(30_000)
      .emit("send", { conversationId: c.cid, ...fields }, (err: Error | null, r: { message?: unknown }) => settle(t, !err && !!r.message));
    return;
  }
  void fetch(`${stack.url}/api/messages/${c.cid}`, {
    method: "POST",
    headers: { "content-type": "application/json", cookie: c.sender.cookie },
    body: JSON.stringify(fields),
  })
    .then(async (r) => {
      await r.arrayBuffer();
      settle(t, r.status === 201);
    })
    .catch(() => settle(t, false));
};
console.log("portal: warming up…");
await drive(3, post);
await sleep(2000);
portal.reset();
postTimes.length = 0;
failures = 0;
maxInFlight = 0;
console.log(`portal: ${RATE}/s for ${SECONDS} s…`);
const portalSent = await drive(SECONDS, post);
await sleep(3000);
const portalLat = await portal.report();
portal.stop();
for (const sock of senderSockets.values()) sock.close();

// The bare relay, same rate, same number of recipients.
const barePort = 3590 + 7;
const bare = spawn(process.execPath, ["--import", "tsx", "bench/support/bare-message-server.ts", String(barePort)], {
  cwd: root,
  stdio: "inherit",
});
await sleep(1500);
const bareRecv = await startReceivers("bare", `http://127.0.0.1:${barePort}`);
const bareSenders: Socket[] = senders.map((s) =>
  io(`http://127.0.0.1:${barePort}`, { transports: ["websocket"], forceNew: true, auth: { id: s.id } }),
);
await Promise.all(bareSenders.map((s) => new Promise<void>((r) => s.once("connect", () => r()))));
const bareAcks: number[] = [];
const emit = (i: number) => {
  const c = conversations[i % conversations.length]!;
  const t = Date.now();
  bareSenders[i % SENDERS]!.emit("msg", { to: c.recipient, body: `t:${t}` }, () => bareAcks.push(Date.now() - t));
};
console.log("bare: warming up…");
await drive(3, emit);
await sleep(2000);
bareRecv.reset();
bareAcks.length = 0;
console.log(`bare: ${RATE}/s for ${SECONDS} s…`);
const bareSent = await drive(SECONDS, emit);
await sleep(3000);
const bareLat = await bareRecv.report();
bareRecv.stop();
for (const s of bareSenders) s.close();
bare.kill();

// Catching up 10,000 missed messages through the sync route, against the raw query.
const reader = await member(9999);
const { conversationId: far } = await openDirect({ db: client, memberId: senders[0]!.id, otherId: reader.id });
const t0 = new Date(Date.now() - 86400_000);
for (let from = 0; from < CATCH_UP; from += 1000)
  await client.conversationMessage.createMany({
    data: Array.from({ length: Math.min(1000, CATCH_UP - from) }, (_, k) => ({
      conversationId: far,
      seq: from + k + 1,
      senderId: senders[0]!.id,
      clientId: uuid7(t0.getTime() + from + k),
      body: `missed message ${from + k + 1}, long enough to look like something a person would write`,
      createdAt: new Date(t0.getTime() + (from + k) * 1000),
    })),
  });
await client.conversation.update({ where: { id: far }, data: { lastSeq: CATCH_UP, lastMessageAt: new Date() } });
const catchUp: number[] = [];
const raw: number[] = [];
for (let round = 0; round < 5; round++) {
  let got = 0;
  const start = performance.now();
  let cursors: Record<string, number> = { [far]: 0 };
  for (;;) {
    const r = await fetch(`${stack.url}/api/messages/sync`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie: reader.cookie },
      body: JSON.stringify({ cursors, only: true }),
    });
    const page = (await r.json()) as { messages: { seq: number }[]; more: boolean };
    got += page.messages.length;
    cursors = { [far]: page.messages.at(-1)?.seq ?? cursors[far]! };
    if (!page.more) break;
  }
  catchUp.push(performance.now() - start);
  if (got !== CATCH_UP) throw new Error(`caught up ${got} of ${CATCH_UP}`);
  const rs = performance.now();
  const rows = await client.$queryRawUnsafe<unknown[]>(
    `SELECT * FROM "ConversationMessage" WHERE "conversationId" = '${far}' AND "seq" > 0 ORDER BY "seq"`,
  );
  raw.push(performance.now() - rs);
  if (rows.length !== CATCH_UP) throw new Error("raw query count");
}

const f = (n: number) => (Number.isFinite(n) ? Math.round(n) : "–");
const ratio = (a: number, b: number) => (b > 0 ? (a / b).toFixed(2) : "–");
const result = {
  date: new Date().toISOString(),
  machine: `${os.cpus().length} × ${os.cpus()[0]?.model}, ${Math.round(os.totalmem() / 1e9)} GB`,
  via: VIA,
  rate: RATE,
  seconds: SECONDS,
  conversations: CONVERSATIONS,
  portal: {
    sent: portalSent,
    delivered: portalLat.length,
    failures,
    maxInFlight,
    deliver_p50: pct(portalLat, 50),
    deliver_p99: pct(portalLat, 99),
    stored_p50: pct(postTimes, 50),
    stored_p99: pct(postTimes, 99),
  },
  bare: {
    sent: bareSent,
    delivered: bareLat.length,
    deliver_p50: pct(bareLat, 50),
    deliver_p99: pct(bareLat, 99),
    ack_p99: pct(bareAcks, 99),
  },
  catch_up_ms: catchUp.map(Math.round),
  raw_query_ms: raw.map(Math.round),
};
console.log(JSON.stringify(result));
console.log(`
| ${RATE} messages/s over ${CONVERSATIONS} conversations, ${SECONDS} s | sent | delivered | p50 (ms) | p99 (ms) |
|---|---|---|---|---|
| portal: ${VIA === "socket" ? "socket send" : "POST"} → recipient's device | ${portalSent} | ${portalLat.length} | ${f(result.portal.deliver_p50)} | ${f(result.portal.deliver_p99)} |
| portal: ${VIA === "socket" ? "socket send → ack" : "POST → stored (201)"} | | | ${f(result.portal.stored_p50)} | ${f(result.portal.stored_p99)} |
| bare Socket.IO relay: emit → recipient | ${bareSent} | ${bareLat.length} | ${f(result.bare.deliver_p50)} | ${f(result.bare.deliver_p99)} |
| ratio portal / bare | | | ${ratio(result.portal.deliver_p50, result.bare.deliver_p50)} | ${ratio(result.portal.deliver_p99, result.bare.deliver_p99)} |

| catching up ${CATCH_UP} messages (ms, 5 rounds) | |
|---|---|
| sync route, pages of 1,000 | ${catchUp.map(Math.round).join(", ")} (median ${f(pct(catchUp, 50))}) |
| raw query of the same rows | ${raw.map(Math.round).join(", ")} (median ${f(pct(raw, 50))}) |
| ratio | ${ratio(pct(catchUp, 50), pct(raw, 50))} |
`);
await disconnectDb();
await stack.stop();
process.exit(0);
