import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, disconnectDb } from "../../lib/db/client";
import type { MemberEvent } from "../../lib/presence/events";
import { api, signedInMember, useStackDatabase } from "../support/http";
import { connectClient, type TestClient, until, waitConnected } from "../support/presence";

/** Routing rules through the real stack: the settings routes, and ringing devices in turn over real presence connections. */
beforeAll(() => useStackDatabase());
afterAll(() => disconnectDb());

const as = (cookie: string, init: Record<string, unknown> = {}) => ({ ...init, headers: { cookie } });

async function device(m: { cookie: string }, deviceId: string): Promise<TestClient> {
  const t = await api<{ ticket: string; url: string }>("/api/presence/ticket", as(m.cookie, { method: "POST" }));
  const socket = connectClient(t.body.url, { ticket: t.body.ticket, deviceId });
  await waitConnected(socket);
  return socket;
}

const rings = (s: TestClient, callId: string) =>
  s.events.filter((e): e is Extract<MemberEvent, { type: "call-ring" }> => e.type === "call-ring" && e.data.callId === callId);

const doc = (rules: unknown[], more: Record<string, unknown> = {}) => ({
  timeZone: "Europe/Lisbon",
  rules,
  dnd: { favourites: false, repeatCallers: false },
  awayReply: "",
  ...more,
});

describe("routing rules through the stack", () => {
  it("saves rules with a version, refuses bad ones with a clear error, and explains a call's path", async () => {
    const [ada, ben] = [await signedInMember(), await signedInMember()];
    expect((await api<{ version: number }>("/api/settings/calls", as(ada.cookie))).body.version).toBe(0);
    const unknown = await api<{ error: { code: string; message: string } }>(
      "/api/settings/calls",
      as(ada.cookie, {
        method: "PUT",
        json: { version: 0, doc: doc([{ id: "r1", when: {}, then: { type: "forward", to: "2999 9999 9999" } }]) },
      }),
    );
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toMatch(/No member has the number 2999 9999 9999/);
    const badZone = await api(
      "/api/settings/calls",
      as(ada.cookie, { method: "PUT", json: { version: 0, doc: doc([], { timeZone: "Mars/Olympus" }) } }),
    );
    expect(badZone.status).toBe(400);

    const forward = [{ id: "r1", name: "Evenings to Ben", when: { statuses: ["away"] }, then: { type: "forward", to: ben.number } }];
    const saved = await api<{ version: number }>(
      "/api/settings/calls",
      as(ada.cookie, { method: "PUT", json: { version: 0, doc: doc(forward) } }),
    );
    expect(saved.status).toBe(200);
    expect(saved.body.version).toBe(1);
    // A second device still editing version 0 is refused, and handed what is there now.
    const stale = await api<{ error: { code: string; current: { version: number } } }>(
      "/api/settings/calls",
      as(ada.cookie, { method: "PUT", json: { version: 0, doc: doc([]) } }),
    );
    expect(stale.status).toBe(409);
    expect(stale.body.error.current.version).toBe(1);

    const whatIf = await api<{ steps: { member: { handle: string; self: boolean }; result: string; reason: string }[] }>(
      "/api/settings/calls/what-if",
      as(ada.cookie, { method: "POST", json: { caller: { type: "stranger" }, at: new Date().toISOString(), status: "away" } }),
    );
    expect(whatIf.status).toBe(200);
    expect(whatIf.body.steps.map((s) => [s.member.handle, s.result])).toEqual([
      [ada.handle, "forwarded"],
      // What Ben's rules, presence and blocks do is Ben's to know.
      [ben.handle, "their-rules"],
    ]);
    expect(whatIf.body.steps[0]!.reason).toContain("Evenings to Ben");
    // Someone else's rules are not theirs to read or write.
    expect((await api<{ version: number }>("/api/settings/calls", as(ben.cookie))).body.version).toBe(0);
  });

  it("rings three devices in turn, newest first, each ring reaching only its own device; then the call is missed", async () => {
    const [ada, bo] = [await signedInMember(), await signedInMember()];
    const rule = {
      id: "seq",
      name: "One by one",
      when: {},
      then: { type: "ring", devices: "sequence", seconds: 5, otherwise: { type: "mailbox" } },
    };
    expect((await api("/api/settings/calls", as(ada.cookie, { method: "PUT", json: { version: 0, doc: doc([rule]) } }))).status).toBe(200);
    const laptop = await device(ada, "laptop");
    await new Promise((r) => setTimeout(r, 50));
    const phone = await device(ada, "phone");
    await new Promise((r) => setTimeout(r, 50));
    const tablet = await device(ada, "tablet");
    const client = await db();
    // The presence node writes its connections behind; the route reads them.
    await until(
      async () => (await client.presenceConnection.count({ where: { memberId: ada.id } })) === 3,
      10_000,
      "three connections stored",
    );

    const placed = await api<{ id: string; status: string }>(
      "/api/calls",
      as(bo.cookie, { method: "POST", json: { handle: ada.handle, kind: "voice" } }),
    );
    expect(placed.status).toBe(201);
    const callId = placed.body.id;
    await until(() => rings(tablet, callId).length === 1, 5000, "the newest device rings first");
    expect([rings(phone, callId).length, rings(laptop, callId).length]).toEqual([0, 0]);
    await until(() => rings(phone, callId).length === 1, 9000, "then the next");
    expect(rings(laptop, callId)).toHaveLength(0);
    await until(() => rings(laptop, callId).length === 1, 9000, "then the oldest");
    const ended = (s: TestClient) => s.events.some((e) => e.type === "call" && e.data.id === callId && e.data.outcome === "missed");
    await until(() => ended(laptop) && ended(phone) && ended(tablet), 9000, "missed on every device");
    // Each ring went to its own device alone, and each rang for its own turn.
    for (const [s, id] of [
      [tablet, "tablet"],
      [phone, "phone"],
      [laptop, "laptop"],
    ] as const) {
      expect(rings(s, callId).map((r) => r.data.device)).toEqual([id]);
    }
    const at = (s: TestClient) => new Date(rings(s, callId)[0]!.data.ringUntil).getTime();
    expect(at(phone) - at(tablet)).toBeGreaterThanOrEqual(4_000);
    expect(at(laptop) - at(phone)).toBeGreaterThanOrEqual(4_000);
    const legs = await client.callLeg.findMany({ where: { callId } });
    expect(legs.map((l) => [l.result, l.rang.split(", ").length])).toEqual([["missed", 3]]);
    for (const s of [laptop, phone, tablet]) s.close();
  });
});
