import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, disconnectDb } from "../../lib/db/client";
import { api, signedInMember, useStackDatabase } from "../support/http";

beforeAll(() => useStackDatabase());
afterAll(() => disconnectDb());

describe("missed calls marked seen", () => {
  it("are not changed by rendering /calls (a GET); the page's POST marks them", async () => {
    const a = await signedInMember();
    const b = await signedInMember();
    const placed = await api<{ id: string }>("/api/calls", { method: "POST", json: { handle: b.handle }, headers: { cookie: a.cookie } });
    expect(placed.status).toBe(201);
    // B was offline; stand in for the ring timing out unseen (the 30-s path is covered end to end).
    const client = await db();
    await client.call.update({ where: { id: placed.body.id }, data: { outcome: "missed", calleeSeen: false } });

    for (let i = 0; i < 2; i++) {
      const page = await api("/calls", { headers: { cookie: b.cookie } });
      expect(page.status).toBe(200);
    }
    expect((await client.call.findUniqueOrThrow({ where: { id: placed.body.id } })).calleeSeen).toBe(false);

    expect((await api("/api/calls/seen", { method: "POST", headers: { cookie: a.cookie } })).body).toEqual({ seen: 0 });
    expect((await api("/api/calls/seen", { method: "POST" })).status).toBe(401);
    const seen = await api("/api/calls/seen", { method: "POST", headers: { cookie: b.cookie } });
    expect(seen.body).toEqual({ seen: 1 });
    expect((await client.call.findUniqueOrThrow({ where: { id: placed.body.id } })).calleeSeen).toBe(true);
  });
});
