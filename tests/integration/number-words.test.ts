import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, disconnectDb } from "../../lib/db/client";
import { api, newAddress, person, signedInMember, signIn, uniqueWord, useStackDatabase } from "../support/http";

/**
 * A vanity number keeps its word (lib/numbers/spelling.ts): the hold takes the picker's spelling and
 * the registration keeps it; the owner may change it; a word alone, or the spelled number, dials,
 * signs in and resolves. Against the stack's own servers, on both databases.
 */
beforeAll(() => useStackDatabase());
afterAll(() => disconnectDb());

type Err = { error: { code: string; message: string; field?: string; matches?: { name: string; handle: string }[] } };
type Check = { suggestions: { digits: string; spelled: string }[] };

/** Holds a free number showing `word` from a browser of its own, and registers it. */
async function ownerOfWord(word: string, pick: number, overrides: Record<string, unknown> = {}) {
  const ip = newAddress();
  const check = await api<Check>(`/api/numbers/check?q=${word}&position=end`, { ip });
  const { digits, spelled } = check.body.suggestions[pick]!;
  const held = await api<{ hold: { formatted: string; spelled: string } }>("/api/numbers/hold", {
    method: "POST",
    ip,
    json: { number: digits, spelled },
  });
  expect(held.status).toBe(201);
  const cookie = held.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  const p = person({ number: digits, ...overrides });
  const r = await api<{ member: { id: string; handle: string; formattedNumber: string } }>("/api/register", {
    method: "POST",
    ip,
    json: p,
    headers: { cookie },
  });
  expect(r.status).toBe(201);
  return { ...p, ...r.body.member, digits, held: held.body.hold };
}

describe("a number's word", () => {
  it("is held with the number and kept when it is registered; a spelling of other digits is refused", async () => {
    const word = uniqueWord();
    const owner = await ownerOfWord(word, 0);
    expect(owner.held.formatted).toMatch(new RegExp(` ${word}$`));
    expect(owner.formattedNumber).toBe(owner.held.formatted);
    const row = await (await db()).phoneNumber.findUniqueOrThrow({ where: { digits: owner.digits } });
    expect(row).toMatchObject({ word, spelled: `${owner.digits.slice(0, 12 - word.length)}${word}` });

    const other = await api<Err>("/api/numbers/hold", { method: "POST", json: { number: "234567890123", spelled: "23456789WORD" } });
    expect(other.status).toBe(400);
    expect(other.body.error).toMatchObject({ code: "INVALID_SPELLING", field: "spelled" });
  });

  it("signs in, dials and resolves by the word or the spelled number", async () => {
    const word = uniqueWord();
    const owner = await ownerOfWord(word, 0);
    const spelled = owner.formattedNumber.replace(/ /g, "");
    expect((await signIn(owner.formattedNumber.toLowerCase(), owner.password)).cookie).toBeTruthy();

    const resolved = await api(`/${spelled}`);
    expect(resolved.status).toBe(301);
    expect(resolved.headers.get("location")).toMatch(new RegExp(`/${owner.handle}$`));
    const byWord = await api(`/${word.toLowerCase()}`);
    expect([307, 308]).toContain(byWord.status);
    expect(byWord.headers.get("location")).toMatch(new RegExp(`/${owner.handle}$`));

    const caller = await signedInMember();
    const call = await api<{ id: string }>("/api/calls", {
      method: "POST",
      json: { number: word.toLowerCase() },
      headers: { cookie: caller.cookie },
    });
    expect(call.status).toBe(201);
    const stored = await (await db()).call.findUniqueOrThrow({ where: { id: call.body.id } });
    expect(stored.calleeId).toBe(owner.id);

    const none = await api<Err>("/api/calls", { method: "POST", json: { number: uniqueWord() }, headers: { cookie: caller.cookie } });
    expect(none.status).toBe(404);
    expect((await api(`/${uniqueWord()}`)).status).toBe(404);
  });

  it("a word several numbers show lists the listed owners only, and reaches none of them", async () => {
    const word = uniqueWord();
    const listed = await ownerOfWord(word, 0, { displayName: "Listed Owner" });
    await ownerOfWord(word, 1, { displayName: "Unlisted Owner", listed: false });
    const caller = await signedInMember();
    const r = await api<Err>("/api/calls", { method: "POST", json: { number: word }, headers: { cookie: caller.cookie } });
    expect(r.status).toBe(409);
    expect(r.body.error.message).toBe(`2 numbers show the word ${word}: choose one.`);
    expect(r.body.error.matches?.map((m) => m.name)).toEqual(["Listed Owner"]);
    expect(r.body.error.matches?.[0]?.handle).toBe(listed.handle);
    expect(JSON.stringify(r.body)).not.toContain("Unlisted Owner");
    expect(await (await db()).call.count({ where: { callerId: caller.id } })).toBe(0);

    const page = await api<string>(`/${word}`);
    expect(page.status).toBe(200);
    expect(page.body).toContain("Listed Owner");
    expect(page.body).not.toContain("Unlisted Owner");
  });

  it("the owner changes the word to one their digits spell, or to none; nobody else can", async () => {
    const word = uniqueWord();
    const owner = await ownerOfWord(word, 0);
    const { cookie } = await signIn(owner.email, owner.password);
    const put = (json: unknown, c: string | null = cookie) =>
      api<Err & { formattedNumber: string; word: string | null }>("/api/account/number-spelling", {
        method: "PUT",
        json,
        headers: c ? { cookie: c } : {},
      });
    expect((await put({ word: "" }, null)).status).toBe(401);
    const notIn = await put({ word: "Z".repeat(13) });
    expect(notIn.status).toBe(400);
    expect(notIn.body.error).toMatchObject({ code: "INVALID_SPELLING", field: "word" });
    expect((await put({ word: 42 })).status).toBe(400);
    expect((await put({ word: "pizza!" })).status).toBe(400);

    const cleared = await put({ word: "" });
    expect(cleared.body).toEqual({ formattedNumber: owner.digits.replace(/^(\d{4})(\d{4})(\d{4})$/, "$1 $2 $3"), word: null });
    expect((await api(`/${word}`)).status).toBe(404);
    const back = await put({ word: word.toLowerCase() });
    expect(back.body.word).toBe(word);

    // Another member's request changes their own number only.
    const other = await signedInMember();
    await put({ word: "" }, other.cookie);
    expect((await (await db()).phoneNumber.findUniqueOrThrow({ where: { digits: owner.digits } })).word).toBe(word);
  });
});
