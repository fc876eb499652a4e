import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, disconnectDb } from "../../lib/db/client";
import { api, person, uniqueWord, useStackDatabase } from "../support/http";
import { toKeypadDigits } from "../../lib/numbers/keypad";

type RegisterOk = { member: { id: string; handle: string; number: string } };
type ErrorBody = { error: { code: string; message: string } };

beforeAll(() => useStackDatabase());
afterAll(() => disconnectDb());

describe("200 registrations at once", () => {
  it("gives every member exactly one number, never one number twice, and every loser a clear 409", async () => {
    // Three vanity numbers wanted by 50 people each, and 50 people taking the next in sequence.
    const wanted = [0, 1, 2].map(() => {
      const w = toKeypadDigits(uniqueWord());
      if (!w.ok) throw new Error("bad word");
      return `222222${w.digits}`;
    });
    const requests = Array.from({ length: 200 }, (_, i) => {
      const number = i < 150 ? wanted[i % 3] : undefined;
      return { number, payload: person(number ? { number } : {}) };
    });
    const client = await db();
    const before = await client.member.count();

    const results = await Promise.all(
      requests.map((r) => api<RegisterOk | ErrorBody>("/api/register", { method: "POST", json: r.payload })),
    );

    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s >= 500)).toEqual([]);
    expect(statuses.every((s) => s === 201 || s === 409)).toBe(true);

    const vanity = results.slice(0, 150);
    const winners = vanity.filter((r) => r.status === 201).map((r) => (r.body as RegisterOk).member.number);
    expect(winners.sort()).toEqual([...wanted].sort());
    for (const loser of vanity.filter((r) => r.status === 409)) {
      const e = (loser.body as ErrorBody).error;
      expect(["NUMBER_TAKEN", "NUMBER_HELD"]).toContain(e.code);
      expect(e.message).toMatch(/taken|someone else/);
    }
    const sequential = results.slice(150);
    expect(sequential.map((r) => r.status)).toEqual(Array(50).fill(201));

    const created = results.filter((r) => r.status === 201).map((r) => (r.body as RegisterOk).member);
    const numbers = created.map((m) => m.number);
    expect(new Set(numbers).size).toBe(numbers.length);

    // What the database holds agrees: 53 new members, each with exactly one number.
    expect(await client.member.count()).toBe(before + 53);
    const rows = await client.phoneNumber.findMany({ where: { memberId: { in: created.map((m) => m.id) } } });
    expect(rows).toHaveLength(53);
    expect(new Set(rows.map((r) => r.memberId)).size).toBe(53);
    // Losers left nothing behind.
    const loserHandles = results
      .map((r, i) => (r.status === 409 ? requests[i]!.payload.handle.toLowerCase() : null))
      .filter((h): h is string => !!h);
    expect(await client.member.count({ where: { handleKey: { in: loserHandles } } })).toBe(0);
  });
});
