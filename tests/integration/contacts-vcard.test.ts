import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { actOnContact } from "../../lib/contacts/act-on-contact";
import { createGroup, listGroups, MAX_GROUPS } from "../../lib/contacts/groups";
import { importVcard, type ImportReport } from "../../lib/contacts/import-vcard";
import { listBook } from "../../lib/contacts/list-book";
import { db, disconnectDb } from "../../lib/db/client";
import { DomainError } from "../../lib/errors";
import { api, signedInMember, useStackDatabase } from "../support/http";
import { createMember, recordingBus } from "../support/members";

beforeAll(() => useStackDatabase());
afterAll(() => disconnectDb());

type Entry = {
  memberId: string;
  handle: string;
  pendingOut: boolean;
  subscription: string;
  inBook: boolean;
  nickname: string;
  note: string;
  favourite: boolean;
  groups: { id: string; name: string }[];
};
type Book = { version: number; entries: Entry[] };
type ErrorBody = { error: { code: string; message: string } };
const as = (cookie: string) => ({ headers: { cookie } });
const vcard = (cookie: string, body: string, type = "text/vcard; charset=utf-8") => ({
  method: "POST",
  body,
  headers: { cookie, "content-type": type },
});

async function bookOf(cookie: string): Promise<Book> {
  return (await api<Book>("/api/contacts", as(cookie))).body;
}

describe("vCard export and import", () => {
  it("A's book goes out as vCard; C imports it and has requests out to the same members, with groups, nicknames and notes; twice changes nothing", async () => {
    const [a, friend, asked, c, d, e] = await Promise.all([1, 2, 3, 4, 5, 6].map(() => signedInMember()));
    // A: a contact (accepted) and a request still waiting, filed in groups with her own words.
    await api("/api/contacts", { method: "POST", json: { to: friend!.number }, ...as(a!.cookie) });
    await api(`/api/contacts/${a!.id}`, { method: "POST", json: { action: "accept" }, ...as(friend!.cookie) });
    await api("/api/contacts", { method: "POST", json: { to: `@${asked!.handle}` }, ...as(a!.cookie) });
    const group = async (name: string) =>
      (await api<{ group: { id: string } }>("/api/contacts/groups", { method: "POST", json: { name }, ...as(a!.cookie) })).body.group.id;
    const [family, work] = [await group("Family"), await group("Work, Ltd; Ünïcode")];
    const note = "Met at the café; owes me a coffee, or two.\nSecond line \\ with a backslash";
    await api(`/api/contacts/${friend!.id}`, {
      method: "PATCH",
      json: { nickname: "Bee, the first", note, favourite: true, groupIds: [family, work] },
      ...as(a!.cookie),
    });
    await api(`/api/contacts/${asked!.id}`, { method: "PATCH", json: { nickname: "Asked", groupIds: [work] }, ...as(a!.cookie) });

    const exported = await api<string>("/api/contacts/vcard", as(a!.cookie));
    expect(exported.status).toBe(200);
    expect(exported.headers.get("content-type")).toBe("text/vcard; charset=utf-8");
    expect(exported.headers.get("content-disposition")).toBe('attachment; filename="contacts.vcf"');
    const file = exported.body;
    expect(file.match(/^BEGIN:VCARD\r$/gm)).toHaveLength(2);
    expect(file).toContain(`URL:${inject("baseUrl")}/${friend!.handle}\r\n`);
    expect(file).toContain(`X-PORTAL-HANDLE:${asked!.handle}\r\n`);

    // D's export is D's own book: none of A's contacts, and her groups stay hers.
    await api("/api/contacts", { method: "POST", json: { to: e!.number }, ...as(d!.cookie) });
    const ds = (await api<string>("/api/contacts/vcard", as(d!.cookie))).body;
    expect(ds.match(/^BEGIN:VCARD\r$/gm)).toHaveLength(1);
    expect(ds).toContain(`X-PORTAL-HANDLE:${e!.handle}\r\n`);
    expect(ds).not.toContain(friend!.handle);
    expect(ds).not.toContain(asked!.handle);
    expect(ds).not.toContain("Family");

    // C imports A's file (with a card for someone unknown and one for C herself).
    const extra = [
      "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Nobody\r\nTEL;TYPE=CELL:9999 9999 9998\r\nEND:VCARD\r\n",
      `BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Me\r\nTEL:${c!.number}\r\nEND:VCARD\r\n`,
    ].join("");
    const first = await api<ImportReport>("/api/contacts/vcard", vcard(c!.cookie, file + extra));
    expect(first.status).toBe(200);
    expect(first.body.cards).toBe(4);
    expect(first.body.counts).toEqual({ added: 0, requested: 2, already: 0, "not-found": 1, refused: 1 });
    expect(first.body.results.find((r) => r.name === "Nobody")).toMatchObject({ status: "not-found" });
    expect(first.body.results.find((r) => r.name === "Me")).toMatchObject({ status: "refused", reason: "This card is you." });

    const cs = await bookOf(c!.cookie);
    const byId = new Map(cs.entries.map((x) => [x.memberId, x]));
    expect(byId.get(friend!.id)).toMatchObject({ pendingOut: true, nickname: "Bee, the first", note, favourite: true });
    expect(
      byId
        .get(friend!.id)!
        .groups.map((g) => g.name)
        .sort(),
    ).toEqual(["Family", "Work, Ltd; Ünïcode"]);
    expect(byId.get(asked!.id)).toMatchObject({ pendingOut: true, nickname: "Asked", groups: [{ name: "Work, Ltd; Ünïcode" }] });
    expect(cs.entries).toHaveLength(2);
    // The members asked see C's request, as when added by number.
    expect((await bookOf(asked!.cookie)).entries).toEqual(expect.arrayContaining([expect.objectContaining({ memberId: c!.id })]));

    // Again: every card is already there, and nothing at all changes (not even the roster version).
    const groupsBefore = (await api<{ groups: unknown[] }>("/api/contacts/groups", as(c!.cookie))).body.groups;
    const again = await api<ImportReport>("/api/contacts/vcard", vcard(c!.cookie, file + extra, "text/x-vcard"));
    expect(again.body.counts).toEqual({ added: 0, requested: 0, already: 2, "not-found": 1, refused: 1 });
    expect((await bookOf(c!.cookie)).version).toBe(cs.version);
    expect((await api<{ groups: unknown[] }>("/api/contacts/groups", as(c!.cookie))).body.groups).toEqual(groupsBefore);

    // A imports her own export: all already there, her own words untouched.
    const own = await api<ImportReport>("/api/contacts/vcard", vcard(a!.cookie, file));
    expect(own.body.counts.already).toBe(2);
  });

  it("signed out is 401; a file too large, not a vCard, or of another type is refused and changes nothing", async () => {
    const [me, other] = [await signedInMember(), await signedInMember()];
    expect((await api("/api/contacts/vcard")).status).toBe(401);
    expect(
      (await api("/api/contacts/vcard", { method: "POST", body: "BEGIN:VCARD", headers: { "content-type": "text/vcard" } })).status,
    ).toBe(401);
    const card = `BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Other\r\nURL:${inject("baseUrl")}/${other.handle}\r\nNOTE:${"x".repeat(900)}\r\nEND:VCARD\r\n`;
    const before = await bookOf(me.cookie);

    const big = await api<ErrorBody>("/api/contacts/vcard", vcard(me.cookie, card.repeat(Math.ceil((1024 * 1024) / card.length) + 1)));
    expect(big.status).toBe(413);
    expect(big.body.error.message).toMatch(/larger than 1 MB/);
    const many = await api<ErrorBody>(
      "/api/contacts/vcard",
      vcard(me.cookie, "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:X\r\nEND:VCARD\r\n".repeat(1001)),
    );
    expect(many.status).toBe(413);
    expect(many.body.error.message).toMatch(/1,001 cards; at most 1,000/);
    const garbage = await api<ErrorBody>("/api/contacts/vcard", vcard(me.cookie, "hello, this is not a card"));
    expect(garbage.status).toBe(400);
    expect(garbage.body.error.message).toMatch(/not a vCard file/);
    // A good card first and a broken one after: the whole file is refused, the first card included.
    const broken = await api<ErrorBody>(
      "/api/contacts/vcard",
      vcard(me.cookie, card + "BEGIN:VCARD\r\nVERSION:4.0\r\nno colon here\r\nEND:VCARD\r\n"),
    );
    expect(broken.status).toBe(400);
    expect(broken.body.error.message).toMatch(/could not be read/);
    const json = await api<ErrorBody>("/api/contacts/vcard", { method: "POST", json: { file: card }, ...as(me.cookie) });
    expect(json.status).toBe(415);
    const latin1 = await api<ErrorBody>("/api/contacts/vcard", {
      ...vcard(me.cookie, ""),
      body: new Uint8Array([...new TextEncoder().encode("BEGIN:VCARD\r\nFN:Ren"), 0xe9, ...new TextEncoder().encode("\r\nEND:VCARD\r\n")]),
    });
    expect(latin1.status).toBe(400);
    expect(latin1.body.error.message).toMatch(/UTF-8/);

    expect(await bookOf(me.cookie)).toEqual(before);
    expect((await api<{ groups: unknown[] }>("/api/contacts/groups", as(me.cookie))).body.groups).toEqual([]);
    // The same card alone goes through.
    const ok = await api<ImportReport>("/api/contacts/vcard", vcard(me.cookie, card));
    expect(ok.body.counts.requested).toBe(1);
  });
});

describe("vCard import and the contact-request rate limit", () => {
  it("an import of 31 new members sends 30 requests and refuses the 31st with the limiter's wait", async () => {
    const me = await signedInMember();
    const others: string[] = [];
    for (let i = 0; i < 31; i++) others.push(await createMember("vr"));
    const file = others.map((h) => `BEGIN:VCARD\r\nVERSION:4.0\r\nFN:${h}\r\nX-PORTAL-HANDLE:${h}\r\nEND:VCARD\r\n`).join("");
    const report = await api<ImportReport>("/api/contacts/vcard", vcard(me.cookie, file));
    expect(report.status).toBe(200);
    expect(report.body.counts).toMatchObject({ requested: 30, refused: 1 });
    expect(report.body.results[30]).toMatchObject({ status: "refused", reason: expect.stringMatching(/Too many contact requests/) });
    // The hour's allowance is spent for adding by number too.
    const more = await api<ErrorBody>("/api/contacts", { method: "POST", json: { to: `@${others[30]}` }, ...as(me.cookie) });
    expect(more.status).toBe(429);
  });
});

describe("importVcard, in-process", () => {
  const { bus } = recordingBus();
  const publicUrl = "http://portal.test";
  const cardFor = (handle: string, groups: string[] = []) =>
    `BEGIN:VCARD\r\nVERSION:4.0\r\nFN:${handle}\r\nX-PORTAL-HANDLE:${handle}\r\n${groups.length ? `CATEGORIES:${groups.join(",")}\r\n` : ""}END:VCARD\r\n`;

  it("stops creating groups at the limit and says so; the cards still go through", async () => {
    const [me, x, y] = [await createMember("vc"), await createMember("vc"), await createMember("vc")];
    const deps = { db: await db(), bus };
    for (let i = 0; i < MAX_GROUPS - 1; i++) await createGroup(deps, { ownerId: me, name: `Group ${i}` });
    const report = await importVcard(deps, {
      ownerId: me,
      publicUrl,
      text: cardFor(x, ["Group 3", "New one", "Newer one"]) + cardFor(y, ["Newest"]),
    });
    expect(report.counts.requested).toBe(2);
    expect(report.results[0]!.warnings).toEqual([expect.stringMatching(/“Newer one” was not created: You have 50 groups/)]);
    expect(report.results[1]!.warnings).toEqual([expect.stringMatching(/“Newest” was not created/)]);
    expect(await listGroups(deps.db, me)).toHaveLength(MAX_GROUPS);
    const book = await listBook(deps.db, me);
    expect(book.entries.find((e) => e.memberId === x)!.groups.map((g) => g.name)).toEqual(["Group 3", "New one"]);
  });

  it("counts each request it sends against the rate limit, and refuses the rest once over; a blocked member is refused with the reason", async () => {
    const [me, x, y, z, w, blocked] = [
      await createMember("vc"),
      await createMember("vc"),
      await createMember("vc"),
      await createMember("vc"),
      await createMember("vc"),
      await createMember("vc"),
    ];
    const deps = { db: await db(), bus };
    await actOnContact(deps, { memberId: me, otherId: x, action: "request" });
    await actOnContact(deps, { memberId: blocked, otherId: me, action: "request" });
    await actOnContact(deps, { memberId: me, otherId: blocked, action: "decline-and-block" });
    let hits = 0;
    const beforeRequest = async () => {
      if (++hits > 2) throw new DomainError("RATE_LIMITED", "Too many contact requests this hour; please wait 59 min and try again");
    };
    const report = await importVcard(
      { ...deps, beforeRequest },
      { ownerId: me, publicUrl, text: [x, blocked, y, z, w].map((h) => cardFor(h)).join("") },
    );
    expect(report.results.map((r) => [r.status, r.reason ?? ""])).toEqual([
      ["already", "Your request is already waiting for an answer."],
      ["refused", expect.stringMatching(/You blocked this member/)],
      ["requested", ""],
      ["refused", expect.stringMatching(/Too many contact requests/)],
      ["refused", expect.stringMatching(/Too many contact requests/)],
    ]);
    expect(hits).toBe(3); // the blocked one, y and z were counted; once over, w was not tried
    expect((await listBook(deps.db, me)).entries.map((e) => e.memberId).sort()).toEqual([x, y].sort());
  });
});
