import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { BusPublisher } from "../../lib/bus";
import { db, disconnectDb } from "../../lib/db/client";
import { endCall, setAgentStatus } from "../../lib/mall/calls";
import { api, newAddress, person, signIn, useStackDatabase } from "../support/http";
import { mailsTo, verificationToken } from "../support/mail";

type Err = { error: { code: string; message: string } };

let dir: string;
beforeAll(() => {
  useStackDatabase();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "accounts-"));
});
afterAll(async () => {
  fs.rmSync(dir, { recursive: true, force: true });
  await disconnectDb();
});

function webm(seconds: number): Buffer {
  const out = path.join(dir, `rec-${Math.random().toString(36).slice(2)}.webm`);
  execFileSync("ffmpeg", [
    "-v",
    "error",
    "-y",
    "-f",
    "lavfi",
    "-i",
    "testsrc=size=64x48:rate=2",
    "-f",
    "lavfi",
    "-i",
    "sine=frequency=300:sample_rate=8000",
    "-t",
    String(seconds),
    "-c:v",
    "libvpx",
    "-b:v",
    "20k",
    "-c:a",
    "libopus",
    "-b:a",
    "6k",
    "-live",
    "1",
    "-f",
    "webm",
    out,
  ]);
  return fs.readFileSync(out);
}

async function register() {
  const p = person();
  const r = await api<{ member: { id: string; handle: string } }>("/api/register", { method: "POST", json: p });
  expect(r.status).toBe(201);
  const { cookie } = await signIn(p.email, p.password);
  return { ...r.body.member, email: p.email, password: p.password, cookie: cookie! };
}

async function open(to: string, length: number, extra: Record<string, unknown> = {}, ip = newAddress()) {
  return api<{ id: string; token: string } & Err>("/api/mailbox/uploads", {
    method: "POST",
    ip,
    json: { purpose: "message", to, kind: "video", length, guestName: "Guest Tester", ...extra },
  });
}

function patch(id: string, token: string, bytes: Uint8Array) {
  return api<{ offset: number; done: boolean; id?: string } & Err>(`/api/mailbox/uploads/${id}`, {
    method: "PATCH",
    headers: { "content-type": "application/offset+octet-stream", "upload-token": token, "upload-offset": "0" },
    body: new Uint8Array(bytes) as unknown as BodyInit,
  });
}

describe("email verification", () => {
  it("mails a single-use link on registration; until it is used the address gets nothing else", async () => {
    const owner = await register();
    const verification = mailsTo(owner.email);
    expect(verification).toHaveLength(1);
    expect(verification[0]).toMatch(/Subject: Confirm your email address/);
    const token = verificationToken(verification[0]!)!;
    // Only the hash is stored.
    const rows = await (await db()).emailVerification.findMany({ where: { memberId: owner.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.tokenHash).not.toContain(token);

    // A message to the unverified address: stored, but no notice mailed.
    const bytes = webm(2);
    const up = await open(owner.handle, bytes.length);
    expect((await patch(up.body.id, up.body.token, bytes)).body.done).toBe(true);
    expect(mailsTo(owner.email).filter((m) => /New video message/.test(m))).toHaveLength(0);

    // The banner shows until verified.
    const page = await api<string>(`/${owner.handle}`, { headers: { cookie: owner.cookie } });
    expect(page.body).toContain('data-testid="verify-banner"');

    const ok = await api<{ verified: boolean; handle: string }>("/api/account/verify-email", { method: "POST", json: { token } });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ verified: true, handle: owner.handle });
    const again = await api<Err>("/api/account/verify-email", { method: "POST", json: { token } });
    expect(again.status).toBe(404);
    expect(again.body.error.message).toMatch(/not valid/);
    expect((await (await db()).member.findUniqueOrThrow({ where: { id: owner.id } })).emailVerifiedAt).not.toBeNull();
    expect((await api<string>(`/${owner.handle}`, { headers: { cookie: owner.cookie } })).body).not.toContain(
      'data-testid="verify-banner"',
    );

    const second = await open(owner.handle, bytes.length);
    expect((await patch(second.body.id, second.body.token, bytes)).body.done).toBe(true);
    expect(mailsTo(owner.email).filter((m) => /New video message/.test(m))).toHaveLength(1);

    // What the portal wrote under DATA_DIR is the operator's alone (the launcher's umask 077).
    const data = inject("dataDir");
    for (const p of ["outbox", "files", path.join("files", "mailbox", owner.id)])
      expect(fs.statSync(path.join(data, p)).mode & 0o777, p).toBe(0o700);
    for (const f of fs.readdirSync(path.join(data, "outbox"))) expect(fs.statSync(path.join(data, "outbox", f)).mode & 0o077, f).toBe(0);
    for (const f of fs.readdirSync(path.join(data, "files", "mailbox", owner.id)))
      expect(fs.statSync(path.join(data, "files", "mailbox", owner.id, f)).mode & 0o077, f).toBe(0);
  });

  it("refuses an expired link and a malformed one; resending is for members", async () => {
    const m = await register();
    const client = await db();
    const first = verificationToken(mailsTo(m.email)[0]!)!;
    await client.emailVerification.updateMany({ where: { memberId: m.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const expired = await api<Err>("/api/account/verify-email", { method: "POST", json: { token: first } });
    expect(expired.status).toBe(404);
    expect(expired.body.error.message).toMatch(/expired/);
    expect((await api<Err>("/api/account/verify-email", { method: "POST", json: { token: 5 } })).status).toBe(400);
    expect((await api<Err>("/api/account/verification", { method: "POST" })).status).toBe(401);
  });
});

describe("guest messages and the hourly cap", () => {
  it("lets a member refuse guest messages: a clear 403 for guests, members still welcome, the page says sign in", async () => {
    const owner = await register();
    const set = await api<{ acceptsGuestMessages: boolean }>("/api/account/guest-messages", {
      method: "PUT",
      json: { accepts: false },
      headers: { cookie: owner.cookie },
    });
    expect(set.body).toEqual({ acceptsGuestMessages: false });
    expect(
      (await api<Err>("/api/account/guest-messages", { method: "PUT", json: { accepts: "no" }, headers: { cookie: owner.cookie } })).status,
    ).toBe(400);
    const guest = await open(owner.handle, 1000);
    expect(guest.status).toBe(403);
    expect(guest.body.error).toMatchObject({ code: "FORBIDDEN", message: expect.stringMatching(/members only: sign in/) });
    const friend = await register();
    const asMember = await api("/api/mailbox/uploads", {
      method: "POST",
      json: { purpose: "message", to: owner.handle, kind: "voice", length: 1000 },
      headers: { cookie: friend.cookie },
    });
    expect(asMember.status).toBe(201);
    const page = await api<string>(`/${owner.handle}`);
    expect(page.body).toContain('data-testid="guests-refused"');
    expect(page.body).toMatch(/takes messages from members only/);
    await api("/api/account/guest-messages", { method: "PUT", json: { accepts: true }, headers: { cookie: owner.cookie } });
    expect((await open(owner.handle, 1000)).status).toBe(201);
  });

  it("lets exactly the hourly allowance through when one sender opens and finalizes many uploads at once", async () => {
    const owner = await register();
    const ip = newAddress();
    const bytes = webm(1.5);
    const opened = await Promise.all(Array.from({ length: 16 }, () => open(owner.handle, bytes.length, {}, ip)));
    const accepted = opened.filter((r) => r.status === 201);
    expect(accepted).toHaveLength(10);
    expect(opened.filter((r) => r.status === 429)).toHaveLength(6);
    const done = await Promise.all(accepted.map((u) => patch(u.body.id, u.body.token, bytes)));
    expect(done.filter((r) => r.status === 200 && r.body.done)).toHaveLength(10);
    expect(await (await db()).message.count({ where: { ownerId: owner.id } })).toBe(10);
    expect((await open(owner.handle, bytes.length, {}, ip)).status).toBe(429);
  });
});

describe("the hourly cap in the domain", () => {
  it("counts uploads opened at the same moment one after another: exactly the cap gets through", async () => {
    const path_ = await import("node:path");
    const { createUpload } = await import("../../lib/mailbox/uploads");
    const owner = await register();
    const deps = {
      db: await db(),
      bus: { async toMember() {}, async presenceChanged() {} },
      storage: null as never,
      stagingDir: path_.join(dir, "staging"),
      mailer: { async send() {} },
      limits: { minMs: 1000, maxMs: 60_000, maxBytes: 1e6, perHour: 4, chunkMaxBytes: 1e6, uploadTtlMs: 3600_000 },
    };
    const address = newAddress();
    const results = await Promise.allSettled(
      Array.from({ length: 12 }, () =>
        createUpload(deps, {
          purpose: "message",
          ownerId: owner.id,
          kind: "voice",
          length: 1000,
          senderId: null,
          address,
          guestName: "Racer",
        }),
      ),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(4);
    expect(results.filter((r) => r.status === "rejected").map((r) => (r as PromiseRejectedResult).reason.code)).toEqual(
      Array(8).fill("RATE_LIMITED"),
    );
    expect(await (await db()).upload.count({ where: { senderKey: `ip:${address}` } })).toBe(4);
  });
});

describe("greetings", () => {
  it("caps greeting recordings per hour", async () => {
    const m = await register();
    const start = () =>
      api<Err>("/api/mailbox/uploads", {
        method: "POST",
        json: { purpose: "greeting", kind: "voice", length: 1000 },
        headers: { cookie: m.cookie },
      });
    for (let i = 0; i < 10; i++) expect((await start()).status).toBe(201);
    const over = await start();
    expect(over.status).toBe(429);
    expect(over.body.error.message).toMatch(/greeting recordings/);
  });

  it("does not serve an ended temporary greeting through ?slot= to anyone but its owner", async () => {
    const m = await register();
    const bytes = webm(2);
    const up = await api<{ id: string; token: string }>("/api/mailbox/uploads", {
      method: "POST",
      json: {
        purpose: "greeting",
        kind: "video",
        length: bytes.length,
        slot: "temporary",
        endsAt: new Date(Date.now() + 3600_000).toISOString(),
      },
      headers: { cookie: m.cookie },
    });
    expect((await patch(up.body.id, up.body.token, bytes)).status).toBe(200);
    expect((await api(`/api/members/${m.handle}/greeting?slot=temporary`, { headers: { range: "bytes=0-9" } })).status).toBe(206);
    await (await db()).greeting.updateMany({ where: { memberId: m.id, slot: "temporary" }, data: { endsAt: new Date(Date.now() - 1000) } });
    const gone = await api<Err>(`/api/members/${m.handle}/greeting?slot=temporary`);
    expect(gone.status).toBe(404);
    expect(gone.headers.get("content-type")).toMatch(/application\/json/);
    expect(gone.body.error.code).toBe("NOT_FOUND");
    expect(
      (await api(`/api/members/${m.handle}/greeting?slot=temporary`, { headers: { cookie: m.cookie, range: "bytes=0-9" } })).status,
    ).toBe(206);
  });
});

describe("rate limits", () => {
  it("takes the client address from the last X-Forwarded-For entry (the one our proxy appended)", async () => {
    const real = newAddress();
    const results = [];
    for (let i = 0; i < 21; i++)
      results.push(
        (
          await api<Err>("/api/register", {
            method: "POST",
            json: {},
            headers: { "x-forwarded-for": `${newAddress()}, ${real}` },
            ip: `${newAddress()}, ${real}`,
          })
        ).status,
      );
    expect(results.slice(0, 20).every((s) => s === 400)).toBe(true);
    expect(results[20]).toBe(429);
  });

  it("limits /<number> look-ups per address", async () => {
    const ip = newAddress();
    const statuses = [];
    for (let i = 0; i < 61; i++) statuses.push((await api(`/api/resolve/2000${String(10_000_000 + i * 7919).slice(0, 8)}`, { ip })).status);
    expect(statuses.slice(0, 60).every((s) => s === 404 || s === 301)).toBe(true);
    expect(statuses[60]).toBe(429);
  });

  it("limits numbers held per address per hour, however many cookieless browsers ask", async () => {
    const ip = newAddress();
    const statuses = [];
    for (let i = 0; i < 31; i++) {
      const digits = `2${String(Math.floor(Math.random() * 1e11)).padStart(11, "3")}`;
      statuses.push(await api<Err>("/api/numbers/hold", { method: "POST", ip, json: { number: digits } }));
    }
    expect(statuses.slice(0, 30).every((r) => r.status !== 429)).toBe(true);
    expect(statuses[30]!.status).toBe(429);
    expect(statuses[30]!.body.error.message).toMatch(/numbers held from this address/);
  });

  it("bounds open guest calls to shops per address (each cookieless request is a new guest)", async () => {
    const client = await db();
    const bus: BusPublisher = { async toMember() {}, async presenceChanged() {} };
    const deps = { db: client, bus };
    const agent = await client.member.findUniqueOrThrow({ where: { handleKey: "sprout-agent1" }, select: { id: true } });
    const conn = `accounts-test-${agent.id}`;
    const now = new Date();
    await client.presenceConnection.upsert({
      where: { id: conn },
      create: {
        id: conn,
        memberId: agent.id,
        nodeId: "accounts-test",
        deviceId: "test",
        address: "127.0.0.1",
        userAgent: "test",
        connectedAt: now,
        lastSeenAt: now,
      },
      update: { lastSeenAt: now },
    });
    await setAgentStatus(deps, agent.id, "available");
    const ip = newAddress();
    const ids: string[] = [];
    try {
      // MALL_GUEST_CALLS_PER_ADDRESS defaults to 5.
      for (let i = 0; i < 5; i++) {
        const r = await api<{ id: string; status: string }>("/api/mall/calls", {
          method: "POST",
          ip,
          json: { merchant: "little-sprout", fromPath: "/mall/little-sprout" },
        });
        expect(r.status).toBe(201);
        expect(r.body.status).not.toBe("ended");
        ids.push(r.body.id);
      }
      const fourth = await api<Err>("/api/mall/calls", {
        method: "POST",
        ip,
        json: { merchant: "little-sprout", fromPath: "/mall/little-sprout" },
      });
      expect(fourth.status).toBe(429);
      expect(fourth.body.error.message).toMatch(/open calls to shops from your address/);
      // Another address is not affected.
      expect(
        (await api("/api/mall/calls", { method: "POST", json: { merchant: "little-sprout", fromPath: "/mall/little-sprout" } })).status,
      ).toBe(201);
    } finally {
      const open = await client.mallCall.findMany({
        where: { merchant: { slug: "little-sprout" }, status: { not: "ended" } },
        select: { id: true },
      });
      for (const c of open) await endCall(deps, c.id, { shopper: true }, "left");
      await setAgentStatus(deps, agent.id, "away");
      await client.presenceConnection.deleteMany({ where: { id: conn } });
    }
  });
});
