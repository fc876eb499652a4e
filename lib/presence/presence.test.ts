import { SignJWT } from "jose";
import { describe, expect, it } from "vitest";
import { publicStatus } from "./status";
import { MemoryTicketClaims } from "./ticket-claims";
import { issueTicket, verifyTicket } from "./tickets";

const SECRET = "s".repeat(40);

describe("public status", () => {
  const live = { liveConnections: 2, allIdle: false };
  it("is offline without a live connection, whatever the setting", () => {
    for (const setting of ["online", "away", "dnd", "invisible"]) {
      expect(publicStatus({ setting, liveConnections: 0, allIdle: false })).toBe("offline");
    }
  });
  it("follows the setting, with invisible shown as offline", () => {
    expect(publicStatus({ setting: "online", ...live })).toBe("online");
    expect(publicStatus({ setting: "away", ...live })).toBe("away");
    expect(publicStatus({ setting: "dnd", ...live })).toBe("dnd");
    expect(publicStatus({ setting: "invisible", ...live })).toBe("offline");
    expect(publicStatus({ setting: "garbage", ...live })).toBe("online");
  });
  it("turns away when every connection is idle, and busy in a call", () => {
    expect(publicStatus({ setting: "online", liveConnections: 2, allIdle: true })).toBe("away");
    expect(publicStatus({ setting: "online", ...live, inCall: true })).toBe("busy");
    expect(publicStatus({ setting: "dnd", ...live, inCall: true })).toBe("busy");
    expect(publicStatus({ setting: "invisible", ...live, inCall: true })).toBe("offline");
  });
});

describe("presence tickets", () => {
  it("round-trips a member and a guest", async () => {
    const m = await verifyTicket(SECRET, await issueTicket(SECRET, { kind: "member", memberId: "m1" }));
    expect(m).toMatchObject({ ok: true, subject: { kind: "member", memberId: "m1" } });
    const g = await verifyTicket(SECRET, await issueTicket(SECRET, { kind: "guest", guestId: "g1" }));
    expect(g).toMatchObject({ ok: true, subject: { kind: "guest", guestId: "g1" } });
  });
  it("gives every ticket its own id and says when it expires, so a node can hold it to one use", async () => {
    const before = Date.now();
    const [a, b] = await Promise.all(
      [1, 2].map(async () => verifyTicket(SECRET, await issueTicket(SECRET, { kind: "member", memberId: "m1" }))),
    );
    if (!a?.ok || !b?.ok) throw new Error("tickets refused");
    expect(a.jti).not.toBe(b.jti);
    expect(a.expiresAt).toBeGreaterThan(before);
    expect(a.expiresAt).toBeLessThanOrEqual(before + 61_000);
    // A ticket without an id (signed with the right key) cannot be held to one use: refused.
    const noId = await new SignJWT({})
      .setProtectedHeader({ alg: "HS256" })
      .setSubject("member:m1")
      .setAudience("presence")
      .setIssuer("portal")
      .setExpirationTime("1m")
      .sign(new TextEncoder().encode(SECRET));
    expect(await verifyTicket(SECRET, noId)).toMatchObject({ ok: false, reason: /forged/ });
  });
  it("lets a ticket id be claimed once until it expires", async () => {
    const claims = new MemoryTicketClaims();
    const now = 1_000_000;
    expect(await claims.claim("ticket-id-0123456789", now + 60_000, now)).toBe(true);
    expect(await claims.claim("ticket-id-0123456789", now + 60_000, now + 59_000)).toBe(false);
    expect(await claims.claim("other-ticket-0123456", now + 60_000, now)).toBe(true);
    // Expired ids are forgotten (swept every few seconds).
    for (let i = 0; i < 1001; i++) await claims.claim(`filler-${i}`, now + 1, now);
    await claims.claim("trigger-prune-000000", now + 200_000, now + 100_000);
    expect(claims.size).toBeLessThan(10);
  });
  it("refuses missing, expired and forged tickets with a reason", async () => {
    expect(await verifyTicket(SECRET, undefined)).toMatchObject({ ok: false, reason: /missing/ });
    const expired = await issueTicket(SECRET, { kind: "member", memberId: "m1" }, -10);
    expect(await verifyTicket(SECRET, expired)).toMatchObject({ ok: false, reason: /expired/ });
    const otherKey = await issueTicket("x".repeat(40), { kind: "member", memberId: "m1" });
    expect(await verifyTicket(SECRET, otherKey)).toMatchObject({ ok: false, reason: /forged/ });
    const noAudience = await new SignJWT({})
      .setProtectedHeader({ alg: "HS256" })
      .setSubject("member:m1")
      .setExpirationTime("1m")
      .sign(new TextEncoder().encode(SECRET));
    expect(await verifyTicket(SECRET, noAudience)).toMatchObject({ ok: false, reason: /forged/ });
    expect(await verifyTicket(SECRET, "not.a.jwt")).toMatchObject({ ok: false, reason: /forged/ });
  });
});
