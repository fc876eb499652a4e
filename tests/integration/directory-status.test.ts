import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, disconnectDb } from "../../lib/db/client";
import { cityKey, nameKey } from "../../lib/directory/search-keys";
import { type DirectoryPage, directoryQuerySchema, searchMembers } from "../../lib/directory/search-members";
import { statusesOf } from "../../lib/presence/read-model";
import { EXPIRY_MS } from "../../lib/presence/status";
import { statusesSeenBy } from "../../lib/presence/visibility-store";
import { api, signedInMember, useStackDatabase } from "../support/http";

beforeAll(() => useStackDatabase());
afterAll(() => disconnectDb());

/**
 * The directory reads each row's status in its page's own SQL (lib/presence/status-facts.ts). Here
 * it must say, for every watcher, exactly what the read model and the visibility rules say member
 * by member (statusesOf, then statusesSeenBy), over members drawn from every combination that
 * enters the rules: setting, connections, a call, audience and details, and how the watcher stands
 * with them (contact or not, groups with their own detail, appear-offline-to, block, self).
 */

/** A fixed sequence, so a failure replays the same members. */
function seeded(seed: number) {
  let s = seed;
  const next = () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { pick: <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)]!, chance: (p: number) => next() < p };
}

const tag = `st${Date.now().toString(36)}`;
const city = `${tag}town`;
const now = new Date();
const OWNERS = 120;

async function addMember(id: string, r: ReturnType<typeof seeded>) {
  const name = `Member ${id}`;
  await (
    await db()
  ).member.create({
    data: {
      id,
      handle: id,
      handleKey: id,
      email: `${id}@status.test`,
      emailKey: `${id}@status.test`,
      passwordHash: "x",
      displayName: name,
      nameKey: nameKey(name),
      birthDate: new Date("1990-01-01"),
      city,
      cityKey: cityKey(city),
      presenceSetting: r.pick(["online", "away", "dnd", "invisible"]),
      presenceAudience: r.pick(["everyone", "contacts", "nobody"]),
      presenceEveryoneDetail: r.pick(["full", "basic"]),
      presenceContactDetail: r.pick(["full", "basic"]),
    },
  });
}

/** `asking`: a watcher, who asks from a connected page (one whose page is not yet connected: tested apart). */
async function connect(id: string, r: ReturnType<typeof seeded>, asking = false) {
  const client = await db();
  const live = new Date(now.getTime() + 60_000);
  const expired = new Date(now.getTime() - 2 * EXPIRY_MS);
  const drawn = r.pick(["none", "active", "idle", "mixed", "expired"] as const);
  const kind = asking && (drawn === "none" || drawn === "expired") ? "active" : drawn;
  const conns = {
    none: [],
    active: [[false, live]],
    idle: [[true, live]],
    mixed: [
      [true, live],
      [false, live],
    ],
    expired: [[false, expired]],
  }[kind];
  for (const [i, [idle, lastSeenAt]] of (conns as [boolean, Date][]).entries()) {
    await client.presenceConnection.create({
      data: {
        id: `c-${id}-${i}`,
        memberId: id,
        nodeId: tag,
        deviceId: `d${i}`,
        address: "127.0.0.1",
        userAgent: "t",
        connectedAt: now,
        lastSeenAt,
        idle,
      },
    });
  }
}

/** How `watcher` stands with `owner`, drawn at random: a contact or not, groups, appear offline, a block. */
async function relate(owner: string, watcher: string, r: ReturnType<typeof seeded>) {
  const client = await db();
  const sees = r.pick(["none", "none", "pending", "approved", "approved"]);
  if (sees !== "none") await client.contact.create({ data: { ownerId: watcher, contactId: owner, sees } });
  // The owner's groups the watcher is in (an entry needs the owner's own contact row for them).
  const groups = (["full", "basic", ""] as const).filter(() => r.chance(0.35));
  if (groups.length) await client.contact.create({ data: { ownerId: owner, contactId: watcher, sees: "approved" } });
  for (const detail of groups) {
    const g = await client.contactGroup.upsert({
      where: { ownerId_nameKey: { ownerId: owner, nameKey: `g-${detail || "own"}` } },
      create: { ownerId: owner, name: `G ${detail}`, nameKey: `g-${detail || "own"}`, detail },
      update: {},
    });
    await client.contactGroupEntry.create({ data: { groupId: g.id, ownerId: owner, contactId: watcher } });
  }
  if (r.chance(0.1)) await client.presenceBlind.create({ data: { ownerId: owner, hiddenFromId: watcher } });
  if (r.chance(0.1)) await client.block.create({ data: { blockerId: owner, blockedId: watcher } });
}

async function allPages(qs: Record<string, string>, watcherId: string | null): Promise<DirectoryPage["rows"]> {
  const rows: DirectoryPage["rows"] = [];
  for (let page = 1; ; page++) {
    const p = await searchMembers(await db(), directoryQuerySchema.parse({ ...qs, page: String(page) }), { watcherId, now });
    rows.push(...p.rows);
    if (!p.hasNext) return rows;
  }
}

describe("the directory's status, read in its page's SQL", () => {
  const r = seeded(163);
  const owners = Array.from({ length: OWNERS }, (_, i) => `${tag}-o${String(i).padStart(3, "0")}`);
  const watchers = [`${tag}-w1`, `${tag}-w2`];
  const callIds: string[] = [];

  beforeAll(async () => {
    const client = await db();
    for (const id of [...owners, ...watchers]) await addMember(id, r);
    for (const id of [...owners, ...watchers]) await connect(id, r, watchers.includes(id));
    for (const owner of owners) for (const w of watchers) await relate(owner, w, r);
    // In a call, as caller or callee; an ended call is not one.
    for (const owner of owners) {
      const status = r.pick(["none", "none", "connected", "ended"]);
      if (status === "none") continue;
      const other = r.pick(watchers);
      const [callerId, calleeId] = r.chance(0.5) ? [owner, other] : [other, owner];
      const call = await client.call.create({ data: { callerId, calleeId, kind: "voice", status, ringUntil: now } });
      callIds.push(call.id);
    }
  });

  afterAll(async () => {
    await (await db()).call.updateMany({ where: { id: { in: callIds } }, data: { status: "ended", outcome: "completed" } });
  });

  it.each([
    ["signed out", null],
    ["first watcher", 0],
    ["second watcher", 1],
  ] as const)("says what statusesOf and statusesSeenBy say, member by member (%s)", async (_, which) => {
    const watcherId = which === null ? null : watchers[which]!;
    const client = await db();
    const members = await client.member.findMany({ where: { cityKey: cityKey(city) }, select: { id: true, presenceSetting: true } });
    const expected = await statusesSeenBy(client, await statusesOf(client, members, now), watcherId);
    const listed = await allPages({ city, sort: "name" }, watcherId);
    expect(listed).toHaveLength(OWNERS + watchers.length);
    expect(Object.fromEntries(listed.map((m) => [m.id, m.status]))).toEqual(expected);
    // Every status occurs, so no branch of the rules went untried.
    expect(new Set(listed.map((m) => m.status))).toEqual(new Set(["online", "away", "busy", "dnd", "offline"]));

    // "Online now" and "online first" show exactly the members the watcher sees as not offline.
    const shown = Object.keys(expected)
      .filter((id) => expected[id] !== "offline")
      .sort();
    expect((await allPages({ city, online: "1" }, watcherId)).map((m) => m.id).sort()).toEqual(shown);
    const first = await allPages({ city }, watcherId);
    expect(
      first
        .slice(0, shown.length)
        .map((m) => m.id)
        .sort(),
    ).toEqual(shown);
    expect(first.map((m) => [m.id, m.status])).toEqual(first.map((m) => [m.id, expected[m.id]]));
  });

  it("counts the member searching as online before their page's connection is up; nobody else sees them so", async () => {
    const client = await db();
    const [asker, other] = [`${tag}-a1`, `${tag}-a2`];
    for (const id of [asker, other]) {
      await addMember(id, seeded(165));
      await client.member.update({ where: { id }, data: { presenceSetting: "online", presenceAudience: "everyone", listed: true } });
    }
    await connect(other, { pick: <T>(xs: readonly T[]) => xs[1]!, chance: () => false });
    const online = async (watcherId: string) => (await allPages({ city, online: "1" }, watcherId)).map((m) => m.id);
    expect(await online(asker)).toContain(asker);
    expect(await online(asker)).toContain(other);
    expect(await online(other)).not.toContain(asker);
    expect((await allPages({ city, sort: "name" }, asker)).find((m) => m.id === asker)?.status).toBe("online");
    expect((await allPages({ city, sort: "name" }, other)).find((m) => m.id === asker)?.status).toBe("offline");
    // Online first: listed once, among the online members.
    const first = (await allPages({ city }, asker)).map((m) => m.id);
    expect(first.filter((id) => id === asker)).toHaveLength(1);
    // Invisible, they are not listed as online even to themselves.
    await client.member.update({ where: { id: asker }, data: { presenceSetting: "invisible" } });
    expect(await online(asker)).not.toContain(asker);
    await client.member.deleteMany({ where: { id: { in: [asker, other] } } });
  });

  it("answers the same through the route, for the member the session cookie names and for no one", async () => {
    const me = await signedInMember();
    const r2 = seeded(164);
    for (const owner of owners) await relate(owner, me.id, r2);
    const client = await db();
    const members = await client.member.findMany({ where: { cityKey: cityKey(city) }, select: { id: true, presenceSetting: true } });
    const expected = async (watcherId: string | null) => statusesSeenBy(client, await statusesOf(client, members), watcherId);
    const route = async (cookie?: string) => {
      const out: Record<string, string> = {};
      for (let page = 1; ; page++) {
        const res = await api<DirectoryPage>(`/api/directory?city=${city}&sort=name&page=${page}`, { headers: cookie ? { cookie } : {} });
        expect(res.status).toBe(200);
        for (const m of res.body.rows) out[m.id] = m.status;
        if (!res.body.hasNext) return out;
      }
    };
    const signedIn = await route(me.cookie);
    const signedOut = await route();
    expect(signedIn).toEqual(await expected(me.id));
    expect(signedOut).toEqual(await expected(null));
    // The cookie was read: some owners show the member more than they show everyone.
    expect(signedIn).not.toEqual(signedOut);
  });
});
