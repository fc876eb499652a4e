import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, disconnectDb } from "../../lib/db/client";
import { registerMember } from "../../lib/members/register-member";
import { registerSchema } from "../../lib/members/schemas";
import { isSequenceable, sequenceDigits } from "../../lib/numbers/sequence";
import { storage } from "../../lib/storage";
import { api, person, useStackDatabase } from "../support/http";

type Err = { error: { code: string; message: string; field?: string } };
type Ok = { member: { id: string; handle: string; number: string; formattedNumber: string } };

beforeAll(() => useStackDatabase());
afterAll(() => disconnectDb());

const PNG = Buffer.from(
  "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201e3a3e1d10000000049454e44ae426082",
  "hex",
);

function form(fields: Record<string, unknown>, photo?: { bytes: Uint8Array; name: string; type: string }) {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.set(k, Array.isArray(v) ? v.join(",") : String(v));
  if (photo) f.set("photo", new Blob([new Uint8Array(photo.bytes)], { type: photo.type }), photo.name);
  return f;
}

describe("registration", () => {
  it("assigns the next number in sequence and stores the profile", async () => {
    const p = person({ interests: ["Jazz", "jazz", " Chess "] });
    const r = await api<Ok>("/api/register", { method: "POST", body: form(p, { bytes: PNG, name: "me.png", type: "image/png" }) });
    expect(r.status).toBe(201);
    expect(r.body.member.number).toMatch(/^2\d{11}$/);
    expect(r.body.member.formattedNumber).toMatch(/^\d{4} \d{4} \d{4}$/);
    const client = await db();
    const m = await client.member.findUnique({ where: { id: r.body.member.id } });
    expect(m?.passwordHash).toMatch(/^\$argon2id\$/);
    expect(JSON.parse(m!.interests)).toEqual(["jazz", "chess"]);
    const photo = await api(`/api/members/${p.handle}/photo`);
    expect(photo.status).toBe(200);
    expect(photo.headers.get("content-type")).toBe("image/png");
  });

  it("writes the member's handle claim, search words, number suffixes and first link with it, passing over held numbers", async () => {
    const client = await db();
    // The next numbers in sequence, held by someone else's browser: the sequence must pass over them.
    const counter = await client.counter.findUnique({ where: { name: "number-sequence" } });
    const held: string[] = [];
    for (let i = counter?.value ?? 0; held.length < 3; i++) if (isSequenceable(sequenceDigits(i))) held.push(sequenceDigits(i));
    const expiresAt = new Date(Date.now() + 10 * 60_000);
    await client.numberHold.createMany({ data: held.map((digits) => ({ digits, holderToken: "someone-else", expiresAt })) });
    try {
      const p = person({ displayName: "Zoë Quinn-Abara" });
      const r = await api<Ok>("/api/register", { method: "POST", json: p });
      expect(r.status).toBe(201);
      expect(Number(r.body.member.number)).toBeGreaterThan(Number(held[2]));
      expect(await client.phoneNumber.count({ where: { digits: { in: held } } })).toBe(0);

      const id = r.body.member.id;
      const m = await client.member.findUnique({
        where: { id },
        include: { handleClaim: true, nameWords: true, number: { include: { suffixes: true } }, emailVerifications: true },
      });
      expect(m?.handleClaim?.handleKey).toBe(p.handle.toLowerCase());
      expect(m?.nameWords.map((w) => w.word).sort()).toEqual(["abara", "quinn abara", "zoe quinn abara"]);
      expect(m?.number).toMatchObject({ digits: r.body.member.number, kind: "sequential", spelled: null, word: null });
      expect(m?.number?.suffixes).toHaveLength(11);
      expect(m?.emailVerifications).toHaveLength(1);
      expect(m?.emailVerifications[0]?.emailKey).toBe(p.email.toLowerCase());
      expect(Math.abs(m!.createdAt.getTime() - Date.now())).toBeLessThan(60_000);
    } finally {
      await client.numberHold.deleteMany({ where: { digits: { in: held } } });
    }
  });

  it("registers without a first link (the seed's way), and a taken handle, email or number is a clear conflict", async () => {
    const client = await db();
    const p = person();
    const m = await registerMember(client, registerSchema.parse(p), { storage: storage() });
    expect(await client.emailVerification.count({ where: { memberId: m.id } })).toBe(0);
    expect(await client.handle.findUnique({ where: { handleKey: p.handle } })).toMatchObject({ memberId: m.id });
    // Each clash names its field; nothing of the loser is left behind.
    const losers: string[] = [];
    const again = (over: Record<string, unknown>) => {
      const q = person(over);
      losers.push(q.handle.toLowerCase());
      return registerMember(client, registerSchema.parse(q), { storage: storage() }).then(
        () => null,
        (err: { code?: string; details?: { field?: string } }) => [err.code, err.details?.field],
      );
    };
    expect(await again({ handle: p.handle.toUpperCase() })).toEqual(["HANDLE_TAKEN", "handle"]);
    expect(await again({ email: p.email })).toEqual(["EMAIL_TAKEN", "email"]);
    expect(await again({ number: m.number })).toEqual(["NUMBER_TAKEN", "number"]);
    // A handle a group holds: only the shared namespace (the Handle table) knows it.
    const groupHandle = `g-${Math.random().toString(36).slice(2, 10)}`;
    await client.handle.create({ data: { handleKey: groupHandle } });
    expect(await again({ handle: groupHandle })).toEqual(["HANDLE_TAKEN", "handle"]);
    const others = losers.filter((h) => h !== p.handle.toLowerCase() && h !== groupHandle);
    expect(others).toHaveLength(2);
    expect(await client.member.count({ where: { handleKey: { in: [...others, groupHandle] } } })).toBe(0);
  });

  it("refuses a handle or email already taken, whatever the case", async () => {
    const p = person();
    expect((await api("/api/register", { method: "POST", json: p })).status).toBe(201);
    const sameHandle = await api<Err>("/api/register", { method: "POST", json: person({ handle: p.handle.toUpperCase() }) });
    expect(sameHandle.status).toBe(409);
    expect(sameHandle.body.error).toMatchObject({ code: "HANDLE_TAKEN", field: "handle" });
    const sameEmail = await api<Err>("/api/register", { method: "POST", json: person({ email: p.email.toUpperCase() }) });
    expect(sameEmail.status).toBe(409);
    expect(sameEmail.body.error).toMatchObject({ code: "EMAIL_TAKEN", field: "email" });
  });

  it("answers bad input with a 4xx that names the problem, and creates nothing", async () => {
    const client = await db();
    const before = await client.member.count();
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ handle: "9lives" }, "handle", /starts with a letter/],
      [{ handle: "a b" }, "handle", /letters, digits and dashes/],
      [{ handle: "directory" }, "handle", /reserved/],
      [{ email: "not-an-email" }, "email", /valid email/],
      [{ password: "short" }, "password", /at least 10/],
      [{ birthDate: "2099-01-01" }, "birthDate", /future/],
      [{ birthDate: "2023-02-30" }, "birthDate", /does not exist/],
      [{ birthDate: new Date().toISOString().slice(0, 10) }, "birthDate", /at least 13/],
      [{ displayName: "" }, "displayName", /Enter your name/],
      [{ number: "1999 0000 0000" }, "number", /starts with 2-9/],
    ];
    for (const [over, field, msg] of cases) {
      const r = await api<Err & { error: { issues: { field: string; message: string }[] } }>("/api/register", {
        method: "POST",
        json: person(over),
      });
      expect(r.status, JSON.stringify(over)).toBe(400);
      const issue = r.body.error.issues.find((i) => i.field === field);
      expect(issue?.message, JSON.stringify(r.body)).toMatch(msg);
    }
    const missing = await api<Err>("/api/register", { method: "POST", json: { handle: "someone" } });
    expect(missing.status).toBe(400);
    expect(missing.body.error.message).toMatch(/Enter your name/);
    expect(await client.member.count()).toBe(before);
  });

  it("refuses a photo that is not an image, or too large, and keeps nothing", async () => {
    const client = await db();
    const before = await client.member.count();
    const fake = await api<Err>("/api/register", {
      method: "POST",
      body: form(person(), { bytes: Buffer.from("#!/bin/sh\necho hi\n"), name: "photo.png", type: "image/png" }),
    });
    expect(fake.status).toBe(415);
    expect(fake.body.error).toMatchObject({ code: "UNSUPPORTED_MEDIA_TYPE", field: "photo" });
    const big = Buffer.concat([PNG, Buffer.alloc(3 * 1024 * 1024)]);
    const tooBig = await api<Err>("/api/register", {
      method: "POST",
      body: form(person(), { bytes: big, name: "big.png", type: "image/png" }),
    });
    expect(tooBig.status).toBe(413);
    expect(tooBig.body.error.message).toMatch(/larger than 2 MB/);
    expect(await client.member.count()).toBe(before);
  });

  it("refuses bodies it cannot read", async () => {
    const r = await api<Err>("/api/register", { method: "POST", body: "hello", headers: { "content-type": "text/plain" } });
    expect(r.status).toBe(415);
    const broken = await api<Err>("/api/register", { method: "POST", body: "{not json", headers: { "content-type": "application/json" } });
    expect(broken.status).toBe(400);
  });
});

describe("static addresses", () => {
  it("redirects /<number> in any spacing and an allowed /<email> to /<handle> with a 301", async () => {
    const p = person({ emailAddressable: true });
    const r = await api<Ok>("/api/register", { method: "POST", json: p });
    const d = r.body.member.number;
    for (const path of [
      d,
      `${d.slice(0, 4)}%20${d.slice(4, 8)}%20${d.slice(8)}`,
      `${d.slice(0, 4)}-${d.slice(4, 8)}-${d.slice(8)}`,
      `${d.slice(0, 4)}.${d.slice(4, 8)}.${d.slice(8)}`,
      p.email,
    ]) {
      const res = await api(`/${path}`);
      expect(res.status, path).toBe(301);
      expect(res.headers.get("location")).toMatch(new RegExp(`/${p.handle}$`));
    }
    const page = await api(`/${p.handle}`);
    expect(page.status).toBe(200);
    expect(String(page.body)).toContain(r.body.member.formattedNumber);
  });

  it("does not reveal members by email unless they allow it, and 404s unknown numbers", async () => {
    const p = person({ emailAddressable: false });
    await api("/api/register", { method: "POST", json: p });
    expect((await api(`/${p.email}`)).status).toBe(404);
    expect((await api(`/9999 9999 9998`.replace(/ /g, "%20"))).status).toBe(404);
    expect((await api(`/no-such-member-here`)).status).toBe(404);
  });
});
