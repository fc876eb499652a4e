import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, disconnectDb } from "../../lib/db/client";
import { api, person, signIn, useStackDatabase } from "../support/http";
import { mailsTo, verificationToken } from "../support/mail";

type Err = { error: { code: string; message: string } };

beforeAll(() => useStackDatabase());
afterAll(() => disconnectDb());

async function register(overrides: Record<string, unknown> = {}) {
  const p = person(overrides);
  const r = await api<{ member: { id: string; number: string } }>("/api/register", { method: "POST", json: p });
  expect(r.status).toBe(201);
  return { ...p, id: r.body.member.id, number: r.body.member.number };
}

/** Moves a member's verification mails back in time, as if they had been sent `ms` earlier. */
async function sentEarlier(memberId: string, ms: number) {
  const client = await db();
  for (const row of await client.emailVerification.findMany({ where: { memberId } }))
    await client.emailVerification.update({
      where: { tokenHash: row.tokenHash },
      data: { createdAt: new Date(row.createdAt.getTime() - ms) },
    });
}

describe("resending the verification link", () => {
  it("sends at most one mail a minute and five a day, each refusal with a Retry-After; only the newest link works", async () => {
    const m = await register();
    const { cookie } = await signIn(m.email, m.password);
    const resend = () => api<Err>("/api/account/verification", { method: "POST", headers: { cookie: cookie! } });

    // Registration has just mailed a link.
    const tooSoon = await resend();
    expect(tooSoon.status).toBe(429);
    expect(tooSoon.body.error.message).toMatch(/a minute/);
    const wait = Number(tooSoon.headers.get("retry-after"));
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(60);

    for (let i = 0; i < 4; i++) {
      await sentEarlier(m.id, 61_000);
      expect((await resend()).status).toBe(200);
    }
    await sentEarlier(m.id, 61_000);
    const sixth = await resend();
    expect(sixth.status).toBe(429);
    expect(sixth.body.error.message).toMatch(/5 .* a day/);
    expect(Number(sixth.headers.get("retry-after"))).toBeGreaterThan(23 * 3600);
    expect(mailsTo(m.email)).toHaveLength(5);

    // A day after the first, one more.
    await sentEarlier(m.id, 24 * 3600_000 - 4 * 61_000);
    expect((await resend()).status).toBe(200);

    const links = mailsTo(m.email).map((t) => verificationToken(t)!);
    expect(new Set(links).size).toBe(6);
    let verified = 0;
    for (const t of links) if ((await api("/api/account/verify-email", { method: "POST", json: { token: t } })).status === 200) verified++;
    expect(verified).toBe(1);
  });
});

describe("an address left unverified", () => {
  it("goes to a new registration after the grace period; the holder keeps their account, signed in by number", async () => {
    const holder = await register();
    const client = await db();
    const firstLink = verificationToken(mailsTo(holder.email)[0]!)!;
    const owner = person({ email: holder.email.toUpperCase(), password: "the real owner's passphrase" });

    // Within the grace period (24 h) the address is still taken.
    const early = await api<Err>("/api/register", { method: "POST", json: owner });
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe("EMAIL_TAKEN");

    await client.member.update({ where: { id: holder.id }, data: { createdAt: new Date(Date.now() - 25 * 3600_000) } });
    const taken = await api<{ member: { id: string } }>("/api/register", { method: "POST", json: owner });
    expect(taken.status).toBe(201);
    expect((await signIn(owner.email, owner.password)).cookie).not.toBeNull();

    // The holder's account stays, without the address: the number signs in, the address does not.
    const byNumber = await signIn(holder.number, holder.password);
    expect(byNumber.cookie).not.toBeNull();
    expect((await signIn(holder.email, holder.password)).cookie).toBeNull();
    expect((await client.member.findUniqueOrThrow({ where: { id: holder.id } })).email).toBe("");
    // Their old link verifies nothing now, and nothing more is mailed for them.
    expect((await api("/api/account/verify-email", { method: "POST", json: { token: firstLink } })).status).toBe(404);
    const resend = await api<Err>("/api/account/verification", { method: "POST", headers: { cookie: byNumber.cookie! } });
    expect(resend.status).toBe(409);
    expect(resend.body.error.message).toMatch(/no email address/);
  });

  it("stays with a holder who confirmed it, however old the account", async () => {
    const holder = await register();
    const client = await db();
    await client.member.update({
      where: { id: holder.id },
      data: { createdAt: new Date(Date.now() - 30 * 24 * 3600_000), emailVerifiedAt: new Date() },
    });
    const r = await api<Err>("/api/register", { method: "POST", json: person({ email: holder.email }) });
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe("EMAIL_TAKEN");
  });
});
