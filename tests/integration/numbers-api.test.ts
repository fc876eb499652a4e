import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, disconnectDb } from "../../lib/db/client";
import { toKeypadDigits } from "../../lib/numbers/keypad";
import { api, newAddress, person, uniqueWord, useStackDatabase } from "../support/http";

type Check = {
  requested: { digits: string; spelled: string; status: string } | null;
  suggestions: { digits: string; spelled: string; reason: string }[];
  notice?: string;
};
type Err = { error: { code: string; message: string } };

beforeAll(() => useStackDatabase());
afterAll(() => disconnectDb());

/** A browser's hold cookie, as the hold route sets it. */
function cookieFrom(headers: Headers): string {
  const set = headers.get("set-cookie") ?? "";
  const m = /portal_hold=([^;]+)/.exec(set);
  if (!m) throw new Error(`no hold cookie in: ${set}`);
  return `portal_hold=${m[1]}`;
}

describe("vanity availability", () => {
  it("shows a free word as free at the requested position", async () => {
    const word = uniqueWord();
    const r = await api<Check>(`/api/numbers/check?q=${word}&position=start`);
    expect(r.status).toBe(200);
    expect(r.body.requested?.status).toBe("free");
    expect(r.body.requested?.spelled.replace(/\s/g, "").startsWith(word)).toBe(true);
  });

  it("offers at least five free alternatives that keep the word when it is taken", async () => {
    const word = uniqueWord();
    const first = await api<Check>(`/api/numbers/check?q=${word}&position=end`);
    const digits = first.body.requested!.digits;
    const reg = await api("/api/register", { method: "POST", json: person({ number: digits }) });
    expect(reg.status).toBe(201);

    const again = await api<Check>(`/api/numbers/check?q=${word}&position=end`);
    expect(again.body.requested?.digits).toBe(digits);
    expect(again.body.requested?.status).toBe("taken");
    expect(again.body.suggestions.length).toBeGreaterThanOrEqual(5);
    const kinds = new Set(again.body.suggestions.map((s) => s.reason));
    expect(kinds.has("other-position") && kinds.has("other-fill") && kinds.has("variant")).toBe(true);
    for (const s of again.body.suggestions) {
      expect(s.spelled.replace(/\s/g, "")).toContain(word);
      expect(s.digits).not.toBe(digits);
    }
    // ...and every one of them really is free.
    const client = await db();
    expect(await client.phoneNumber.count({ where: { digits: { in: again.body.suggestions.map((s) => s.digits) } } })).toBe(0);
  });

  it("refuses what cannot be a number with a clear message", async () => {
    const cases: [string, RegExp][] = [
      ["caf%C3%A9", /not on a phone keypad/],
      ["", /Type a word or some digits/],
      ["1234567890123", /12 digits/],
      ["123456789012", /starts with a digit from 2 to 9/],
    ];
    for (const [q, msg] of cases) {
      const r = await api<Err>(`/api/numbers/check?q=${q}`);
      expect(r.status).toBe(400);
      expect(r.body.error.message).toMatch(msg);
    }
    const badPos = await api<Err>(`/api/numbers/check?q=HELLO&position=top`);
    expect(badPos.status).toBe(400);
    expect(badPos.body.error.code).toBe("VALIDATION_FAILED");
  });

  it("explains that a word starting with 1 cannot open a number, and suggests other places", async () => {
    const r = await api<Check>(`/api/numbers/check?q=1${uniqueWord()}&position=start`);
    expect(r.status).toBe(200);
    expect(r.body.requested).toBeNull();
    expect(r.body.notice).toMatch(/cannot start with 0 or 1/);
    expect(r.body.suggestions.length).toBeGreaterThanOrEqual(5);
  });
});

describe("holds", () => {
  it("holds a number for ten minutes for one browser and keeps others off it", async () => {
    const w = toKeypadDigits(uniqueWord());
    const digits = `3333${w.ok ? w.digits : ""}00`.slice(0, 12);
    const a = await api<{ hold: { digits: string; expiresAt: string } }>("/api/numbers/hold", { method: "POST", json: { number: digits } });
    expect(a.status).toBe(201);
    const minutes = (new Date(a.body.hold.expiresAt).getTime() - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(9.5);
    expect(minutes).toBeLessThanOrEqual(10);
    const cookieA = cookieFrom(a.headers);

    // The holder sees it as theirs; a stranger sees it held and cannot hold or register it.
    const mine = await api<{ hold: { digits: string } }>("/api/numbers/hold", { headers: { cookie: cookieA } });
    expect(mine.body.hold.digits).toBe(digits);
    const b = await api<Err>("/api/numbers/hold", { method: "POST", json: { number: digits } });
    expect(b.status).toBe(409);
    expect(b.body.error.code).toBe("NUMBER_HELD");
    const stranger = await api<Err>("/api/register", { method: "POST", json: person({ number: digits }) });
    expect(stranger.status).toBe(409);
    expect(stranger.body.error.code).toBe("NUMBER_HELD");

    // The holder registers with it, and the hold is gone.
    const reg = await api<{ member: { number: string } }>("/api/register", {
      method: "POST",
      json: person({ number: digits }),
      headers: { cookie: cookieA },
    });
    expect(reg.status).toBe(201);
    expect(reg.body.member.number).toBe(digits);
    const client = await db();
    expect(await client.numberHold.count({ where: { digits } })).toBe(0);
  });

  it("refuses to hold a taken number or a malformed one", async () => {
    const client = await db();
    const taken = (await client.phoneNumber.findFirst())!.digits;
    const r = await api<Err>("/api/numbers/hold", { method: "POST", json: { number: taken } });
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe("NUMBER_TAKEN");
    const bad = await api<Err>("/api/numbers/hold", { method: "POST", json: { number: "1234" } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/12 digits/);
    const notJson = await api<Err>("/api/numbers/hold", { method: "POST", body: "number=2", headers: { "content-type": "text/plain" } });
    expect(notJson.status).toBe(415);
  });

  it("releases the previous hold when the same browser holds another number", async () => {
    const first = await api<{ hold: { digits: string } }>("/api/numbers/hold", { method: "POST", json: { number: "444455556666" } });
    const cookie = cookieFrom(first.headers);
    const second = await api("/api/numbers/hold", { method: "POST", json: { number: "444455556667" }, headers: { cookie } });
    expect(second.status).toBe(201);
    const client = await db();
    expect(await client.numberHold.count({ where: { digits: "444455556666" } })).toBe(0);
    const del = await api("/api/numbers/hold", { method: "DELETE", headers: { cookie } });
    expect(del.status).toBe(204);
    expect(await client.numberHold.count({ where: { digits: "444455556667" } })).toBe(0);
  });
});

describe("rate limits", () => {
  it("limits sign-ups from one address and says when to retry", async () => {
    const ip = newAddress();
    const results = [];
    for (let i = 0; i < 22; i++) results.push(await api<Err>("/api/register", { method: "POST", json: {}, ip }));
    const limited = results.filter((r) => r.status === 429);
    expect(limited.length).toBeGreaterThan(0);
    expect(results.slice(0, 20).every((r) => r.status === 400)).toBe(true);
    expect(limited[0]!.body.error.message).toMatch(/Too many sign-up attempts; please wait \d+ s/);
    expect(Number(limited[0]!.headers.get("retry-after"))).toBeGreaterThan(0);
  });
});
