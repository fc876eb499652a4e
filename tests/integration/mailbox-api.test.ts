import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { db, disconnectDb } from "../../lib/db/client";
import { api, newAddress, person, signIn, useStackDatabase } from "../support/http";

type Err = { error: { code: string; message: string; offset?: number } };

let dir: string;
beforeAll(() => {
  useStackDatabase();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "mailbox-api-"));
});
afterAll(async () => {
  fs.rmSync(dir, { recursive: true, force: true });
  await disconnectDb();
});

/** A WebM as MediaRecorder makes it (live: no duration), `seconds` long, tiny so a long one stays small. */
function webm(seconds: number): Buffer {
  const out = path.join(dir, `rec-${seconds}-${Math.random().toString(36).slice(2)}.webm`);
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

async function member() {
  const p = person();
  const r = await api<{ member: { id: string; handle: string } }>("/api/register", { method: "POST", json: p });
  const { cookie } = await signIn(p.email as string, p.password as string);
  // Notices go only to confirmed addresses (tests/integration/accounts.test.ts covers the link itself).
  await (await db()).member.update({ where: { id: r.body.member.id }, data: { emailVerifiedAt: new Date() } });
  return { ...r.body.member, email: p.email as string, cookie: cookie! };
}

async function open(to: string, length: number, extra: Record<string, unknown> = {}, ip = newAddress()) {
  return api<{ id: string; token: string } & Err>("/api/mailbox/uploads", {
    method: "POST",
    ip,
    json: { purpose: "message", to, kind: "video", length, guestName: "Guest Tester", ...extra },
  });
}

function patch(id: string, token: string, offset: number, bytes: Uint8Array) {
  return api<{ offset: number; done: boolean; id?: string } & Err>(`/api/mailbox/uploads/${id}`, {
    method: "PATCH",
    headers: { "content-type": "application/offset+octet-stream", "upload-token": token, "upload-offset": String(offset) },
    body: new Uint8Array(bytes) as unknown as BodyInit,
  });
}

const stored = async (ownerId: string) => (await db()).message.count({ where: { ownerId } });

describe("the mailbox upload API", () => {
  it("takes a recording in pieces, resumes from what it has, and lists it only once complete", async () => {
    const owner = await member();
    const bytes = webm(3);
    const up = await open(owner.handle, bytes.length);
    expect(up.status).toBe(201);
    const half = Math.floor(bytes.length / 2);
    expect((await patch(up.body.id, up.body.token, 0, bytes.subarray(0, half))).body.offset).toBe(half);
    expect(await stored(owner.id)).toBe(0);
    // A client that lost track asks where the upload stands.
    const at = await api<{ offset: number; length: number }>(`/api/mailbox/uploads/${up.body.id}`, {
      headers: { "upload-token": up.body.token },
    });
    expect(at.body).toEqual({ offset: half, length: bytes.length });
    expect(at.headers.get("upload-offset")).toBe(String(half));
    const done = await patch(up.body.id, up.body.token, half, bytes.subarray(half));
    expect(done.status).toBe(200);
    expect(done.body.done).toBe(true);
    expect(await stored(owner.id)).toBe(1);
    const m = await (await db()).message.findFirstOrThrow({ where: { ownerId: owner.id } });
    expect(m.durationMs).toBeGreaterThan(2500);
    expect(m.guestName).toBe("Guest Tester");

    // Without SMTP, the owner's notice is an .eml in the outbox.
    const outbox = path.join(inject("dataDir"), "outbox");
    await expect
      .poll(
        () =>
          (fs.existsSync(outbox) ? fs.readdirSync(outbox) : [])
            .map((f) => fs.readFileSync(path.join(outbox, f), "utf8"))
            .find((t) => t.includes(owner.email) && !t.includes("Confirm your email")) ?? "",
      )
      .toMatch(/Subject: New video message from Guest Tester \(guest\)/);

    // Playback with ranges, to the owner only.
    const media = await api(`/api/mailbox/messages/${m.id}/media`, { headers: { cookie: owner.cookie, range: "bytes=100-199" } });
    expect(media.status).toBe(206);
    expect(media.headers.get("content-range")).toMatch(/^bytes 100-199\/\d+$/);
    expect((await api(`/api/mailbox/messages/${m.id}/media`, { headers: { cookie: (await member()).cookie } })).status).toBe(404);
  });

  it("refuses a forged offset, a wrong token, a file that is not media, an oversized upload and a 10-minute recording, storing nothing", async () => {
    const owner = await member();
    const bytes = webm(2);

    const up = await open(owner.handle, bytes.length);
    const forged = await patch(up.body.id, up.body.token, 1000, bytes.subarray(1000, 2000));
    expect(forged.status).toBe(409);
    expect(forged.body.error.message).toMatch(/resume from 0/);
    expect(forged.body.error.offset).toBe(0);
    expect((await patch(up.body.id, "not-the-token", 0, bytes)).status).toBe(404);
    const tooMuch = await patch(up.body.id, up.body.token, 0, Buffer.concat([bytes, Buffer.alloc(10)]));
    expect(tooMuch.status).toBe(413);

    const pdf = Buffer.from("%PDF-1.7\n" + "x".repeat(2000));
    const fake = await open(owner.handle, pdf.length);
    const refused = await patch(fake.body.id, fake.body.token, 0, pdf);
    expect(refused.status).toBe(415);
    expect(refused.body.error.message).toMatch(/not an audio or video recording/);
    // Refused uploads are gone, not waiting.
    expect((await patch(fake.body.id, fake.body.token, 0, bytes)).status).toBe(404);

    const huge = await open(owner.handle, 500 * 1024 * 1024);
    expect(huge.status).toBe(413);
    expect(huge.body.error.message).toMatch(/at most \d+ MB/);

    const long = webm(600);
    const tenMin = await open(owner.handle, long.length);
    const r = await patch(tenMin.body.id, tenMin.body.token, 0, long);
    expect(r.status).toBe(413);
    expect(r.body.error.message).toMatch(/at most 3 min; this one lasts 10 min/);

    expect(await stored(owner.id)).toBe(0);
    expect(await (await db()).upload.count({ where: { ownerId: owner.id, id: { not: up.body.id } } })).toBe(0);
  });

  it("asks a guest for a name, keeps blocked members out, and limits messages per sender per hour", async () => {
    const owner = await member();
    const noName = await open(owner.handle, 1000, { guestName: undefined });
    expect(noName.status).toBe(400);
    expect(noName.body.error.message).toMatch(/your name/);
    expect((await open("nobody-here-at-all", 1000)).status).toBe(404);

    const pest = await member();
    await api("/api/blocks", { method: "POST", json: { handle: pest.handle }, headers: { cookie: owner.cookie } });
    const blocked = await api<Err>("/api/mailbox/uploads", {
      method: "POST",
      json: { purpose: "message", to: owner.handle, kind: "voice", length: 1000 },
      headers: { cookie: pest.cookie },
    });
    expect(blocked.status).toBe(403);

    const ip = newAddress();
    for (let i = 0; i < 10; i++) expect((await open(owner.handle, 1000, {}, ip)).status).toBe(201);
    const eleventh = await open(owner.handle, 1000, {}, ip);
    expect(eleventh.status).toBe(429);
    expect(eleventh.body.error.message).toMatch(/at most 10 messages an hour/);
  });
});

describe("greetings and the trash", () => {
  it("plays the temporary greeting until its end date, then the standard one; refuses an end date in the past", async () => {
    const owner = await member();
    const greet = async (slot: string, endsAt?: string) => {
      const bytes = webm(2);
      const up = await api<{ id: string; token: string } & Err>("/api/mailbox/uploads", {
        method: "POST",
        json: { purpose: "greeting", kind: "video", length: bytes.length, slot, endsAt },
        headers: { cookie: owner.cookie },
      });
      if (up.status !== 201) return up;
      return patch(up.body.id, up.body.token, 0, bytes);
    };
    expect(
      (await api<Err>("/api/mailbox/uploads", { method: "POST", json: { purpose: "greeting", kind: "video", length: 10 } })).status,
    ).toBe(401);
    const past = await greet("temporary", new Date(Date.now() - 60_000).toISOString());
    expect(past.status).toBe(400);
    expect((past.body as Err).error.message).toMatch(/end date in the future/);

    expect((await greet("standard")).status).toBe(200);
    const soon = new Date(Date.now() + 60_000);
    expect((await greet("temporary", soon.toISOString())).status).toBe(200);
    const { greetingFile } = await import("../../lib/mailbox/greetings");
    const client = await db();
    const before = await greetingFile(client, owner.id);
    expect(before.key).toMatch(/^greetings\//);
    const own = await api<{ greetings: { slot: string }[] }>("/api/mailbox/greeting", { headers: { cookie: owner.cookie } });
    expect(own.body.greetings.map((g) => g.slot).sort()).toEqual(["standard", "temporary"]);
    const after = await greetingFile(client, owner.id, new Date(soon.getTime() + 1000));
    expect(after.key).not.toBe(before.key);
    // The public address plays the current one, with ranges.
    const played = await api(`/api/members/${owner.handle}/greeting`, { headers: { range: "bytes=0-99" } });
    expect(played.status).toBe(206);
    expect((await api(`/api/mailbox/greeting?slot=temporary`, { method: "DELETE", headers: { cookie: owner.cookie } })).status).toBe(200);
    expect((await greetingFile(client, owner.id)).key).toBe(after.key);
  });

  it("empties the trash of messages deleted more than 30 days ago, files included", async () => {
    const owner = await member();
    const bytes = webm(2);
    const up = await open(owner.handle, bytes.length);
    const { id } = (await patch(up.body.id, up.body.token, 0, bytes)).body as { id: string };
    const client = await db();
    const { diskStorage } = await import("../../lib/storage");
    const { purgeTrash } = await import("../../lib/mailbox/messages");
    const store = diskStorage(path.join(inject("dataDir"), "files"));
    const m = await client.message.findUniqueOrThrow({ where: { id } });
    expect(await store.size(m.mediaKey)).toBeGreaterThan(0);
    await client.message.update({ where: { id }, data: { deletedAt: new Date(Date.now() - 29 * 24 * 3600_000) } });
    await purgeTrash(client, store);
    expect(await client.message.count({ where: { id } })).toBe(1);
    await client.message.update({ where: { id }, data: { deletedAt: new Date(Date.now() - 31 * 24 * 3600_000) } });
    await purgeTrash(client, store);
    expect(await client.message.count({ where: { id } })).toBe(0);
    expect(await store.size(m.mediaKey)).toBeNull();
  });
});
