import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, disconnectDb } from "../../lib/db/client";
import { nameKey, nameWords, numberSuffixes, cityKey } from "../../lib/directory/search-keys";
import { directoryQuerySchema, PAGE_SIZE, searchMembers } from "../../lib/directory/search-members";
import { useStackDatabase } from "../support/http";

beforeAll(() => useStackDatabase());
afterAll(() => disconnectDb());

// Names unique to this run, so the demo members and other tests do not interfere.
const tag = `q${Date.now().toString(36)}`.replace(/[0-9]/g, (d) => "abcdefghij"[Number(d)]!);
const Tag = tag[0]!.toUpperCase() + tag.slice(1);
let seq = 0;

async function addMember(o: {
  first: string;
  last?: string;
  city?: string;
  listed?: boolean;
  setting?: string;
  online?: boolean;
  digits?: string;
}) {
  const client = await db();
  const i = seq++;
  const id = `ds-${tag}-${i}`;
  const name = `${o.first} ${o.last ?? Tag}`;
  const city = o.city ?? `${Tag}ville`;
  await client.member.create({
    data: {
      id,
      handle: id,
      handleKey: id,
      email: `${id}@search.test`,
      emailKey: `${id}@search.test`,
      passwordHash: "x",
      displayName: name,
      nameKey: nameKey(name),
      birthDate: new Date("1990-01-01"),
      city,
      cityKey: cityKey(city),
      listed: o.listed ?? true,
      presenceSetting: o.setting ?? "online",
      nameWords: { create: nameWords(name).map((word) => ({ word })) },
    },
  });
  const digits = o.digits ?? `9${String(Date.now() % 1e6).padStart(6, "0")}${String(i).padStart(5, "0")}`;
  await client.phoneNumber.create({
    data: { digits, memberId: id, kind: "sequential", suffixes: { create: numberSuffixes(digits).map((suffix) => ({ suffix })) } },
  });
  if (o.online) {
    await client.presenceConnection.create({
      data: {
        id: `c-${id}`,
        memberId: id,
        nodeId: "search-test",
        deviceId: "d",
        address: "127.0.0.1",
        userAgent: "t",
        connectedAt: new Date(),
        lastSeenAt: new Date(Date.now() + 60_000),
      },
    });
  }
  return { id, digits };
}

const search = async (qs: Record<string, string>) => searchMembers(await db(), directoryQuerySchema.parse(qs));
const names = (p: Awaited<ReturnType<typeof search>>) => p.rows.map((r) => r.displayName);

describe("directory search against the database", () => {
  it("finds a name prefix of any word, ignoring case and accents, once per member, in the order of the matched name", async () => {
    await addMember({ first: "Chloé" });
    await addMember({ first: "Zoë" });
    await addMember({ first: tag.slice(0, 4) + "ine" }); // both words start with the tag's first letters
    await addMember({ first: "Hidden", listed: false });
    const byTag = await search({ name: tag.toUpperCase(), sort: "name" });
    // All three match at their last name; the unlisted member is not there.
    expect(names(byTag)).toEqual([`Chloé ${Tag}`, `Zoë ${Tag}`, `${tag.slice(0, 4)}ine ${Tag}`]);
    expect(names(await search({ name: "CHLOE", sort: "name" }))).toContain(`Chloé ${Tag}`);
    expect(names(await search({ name: `zoe ${tag}`, sort: "name" }))).toEqual([`Zoë ${Tag}`]);
    const both = await search({ name: tag.slice(0, 4), sort: "name" });
    // Matches at both words, listed once (earlier runs' members may share the four letters).
    expect(names(both).filter((n) => n === `${tag.slice(0, 4)}ine ${Tag}`)).toHaveLength(1);
    expect(names(await search({ name: "hidden", city: `${tag}ville` }))).toEqual([]);
  });

  it("finds digits anywhere in the number and vanity words, by city, and pages without overlap", async () => {
    const { digits } = await addMember({ first: "Numbered", digits: `7${String(Date.now()).slice(-6)}22255` });
    const inside = digits.slice(3, 9);
    expect(names(await search({ number: inside.replace(/(\d{3})/, "$1 "), sort: "name" }))).toContain(`Numbered ${Tag}`);
    // The last digits 2255 spell BALL on the keypad; CALL is 2255 too, DALL (3255) is not.
    expect(names(await search({ number: `${digits.slice(4, 8)}BALL`, sort: "name" }))).toEqual([`Numbered ${Tag}`]);
    expect(names(await search({ number: `${digits.slice(4, 8)}-call`, sort: "name" }))).toEqual([`Numbered ${Tag}`]);
    expect(names(await search({ number: `${digits.slice(4, 8)}DALL`, sort: "name" }))).toEqual([]);
    for (let i = 0; i < PAGE_SIZE + 3; i++) await addMember({ first: `Paged${String(i).padStart(2, "0")}`, city: `${Tag} Harbour` });
    const p1 = await search({ city: `${tag} harb`, sort: "name" });
    const p2 = await search({ city: `${tag} harb`, sort: "name", page: "2" });
    expect(p1.rows).toHaveLength(PAGE_SIZE);
    expect(p1.hasNext).toBe(true);
    expect(p2.rows).toHaveLength(3);
    // Not counted ahead: known once the last page is reached.
    expect(p1.total).toBeNull();
    expect(p2).toMatchObject({ total: PAGE_SIZE + 3, hasNext: false });
    expect(new Set([...names(p1), ...names(p2)]).size).toBe(PAGE_SIZE + 3);
    expect(names(p1)[0]).toBe(`Paged00 ${Tag}`);
  });

  it("lists online members first, filters online now, and shows invisible members as offline", async () => {
    const city = `${Tag}polis`;
    await addMember({ first: "Aaron", city });
    await addMember({ first: "Yvonne", city, online: true });
    await addMember({ first: "Bella", city, online: true, setting: "invisible" });
    await addMember({ first: "Xena", city, online: true, setting: "dnd" });
    const first = await search({ city });
    expect(names(first)).toEqual([`Xena ${Tag}`, `Yvonne ${Tag}`, `Aaron ${Tag}`, `Bella ${Tag}`]);
    expect(first.rows.map((r) => r.status)).toEqual(["dnd", "online", "offline", "offline"]);
    expect(names(await search({ city, online: "1" }))).toEqual([`Xena ${Tag}`, `Yvonne ${Tag}`]);
    expect(names(await search({ city, online: "1", name: "yv" }))).toEqual([`Yvonne ${Tag}`]);
    expect(names(await search({ city, sort: "name" }))).toEqual([`Aaron ${Tag}`, `Bella ${Tag}`, `Xena ${Tag}`, `Yvonne ${Tag}`]);
  });

  it("pages online first across the end of the online members, without a gap or a repeat", async () => {
    const city = `${Tag}burg`;
    for (let i = 0; i < 5; i++) await addMember({ first: `On${String(i).padStart(2, "0")}`, city, online: true });
    for (let i = 0; i < PAGE_SIZE * 2; i++) await addMember({ first: `Off${String(i).padStart(2, "0")}`, city });
    const pages = [];
    for (let page = 1; page <= 3; page++) pages.push(await search({ city, page: String(page) }));
    expect(pages.map((p) => [p.rows.length, p.hasNext, p.total])).toEqual([
      [PAGE_SIZE, true, null],
      [PAGE_SIZE, true, null],
      [5, false, PAGE_SIZE * 2 + 5],
    ]);
    const all = pages.flatMap(names);
    expect(all.slice(0, 5)).toEqual([0, 1, 2, 3, 4].map((i) => `On0${i} ${Tag}`));
    expect(new Set(all).size).toBe(PAGE_SIZE * 2 + 5);
    expect(all.at(-1)).toBe(`Off${PAGE_SIZE * 2 - 1} ${Tag}`);
    // Exactly a page of online members and nothing else: no empty page follows.
    const few = `${Tag}field`;
    for (let i = 0; i < PAGE_SIZE; i++) await addMember({ first: `Only${String(i).padStart(2, "0")}`, city: few, online: true });
    expect(await search({ city: few })).toMatchObject({ hasNext: false, total: PAGE_SIZE });
  });
});
