import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { BusPublisher } from "../../lib/bus";
import { actOnContact } from "../../lib/contacts/act-on-contact";
import { editEntry } from "../../lib/contacts/edit-entry";
import { createGroup } from "../../lib/contacts/groups";
import { db, disconnectDb } from "../../lib/db/client";
import { HttpBusClient } from "../../lib/bus/http-client";
import { blockMember, unblockMember } from "../../lib/calls/blocks";
import { issueTicket } from "../../lib/presence/tickets";
import { setHiddenFrom, setVisibility } from "../../lib/presence/visibility-store";
import { freePort } from "../support/free-port";
import { startRedis } from "../support/redis";
import { api, person, useStackDatabase } from "../support/http";
import {
  connectClient,
  memberTicket,
  type NodeHandle,
  startPresenceNode,
  TEST_PRESENCE_SECRET,
  until,
  waitConnected,
  watch,
} from "../support/presence";

const nodes: NodeHandle[] = [];
const bus: BusPublisher = { toMember: async () => {}, presenceChanged: async () => {} };

beforeAll(() => useStackDatabase());
afterAll(async () => {
  await Promise.all(nodes.map((n) => n.kill("SIGKILL")));
  await disconnectDb();
});

async function newMember(): Promise<string> {
  const r = await api<{ member: { id: string } }>("/api/register", { method: "POST", json: person() });
  if (r.status !== 201) throw new Error(`register: ${r.status}`);
  return r.body.member.id;
}

async function contacts(a: string, b: string) {
  const deps = { db: await db(), bus };
  await actOnContact(deps, { memberId: a, otherId: b, action: "request" });
  await actOnContact(deps, { memberId: b, otherId: a, action: "accept" });
}

describe("presence server: each watcher sees only what the member allows", () => {
  for (const transport of ["websocket", "polling"] as const) {
    it(`over ${transport}: a contact sees it all, a basic-group contact online or offline, a stranger, a blinded contact and a guest nothing`, async () => {
      const port = await freePort();
      const n = await startPresenceNode({ port, nodeId: `vis-${transport}-${port}`, databaseUrl: inject("databaseUrl") });
      nodes.push(n);
      const [owner, friend, colleague, stranger, ex] = await Promise.all([newMember(), newMember(), newMember(), newMember(), newMember()]);
      for (const c of [friend, colleague, ex]) await contacts(owner, c);
      const work = await createGroup({ db: await db(), bus }, { ownerId: owner, name: "Work", detail: "basic" });
      await editEntry({ db: await db(), bus }, { ownerId: owner, contactId: colleague, edit: { groupIds: [work.id] } });
      await setVisibility({ db: await db(), bus }, owner, { audience: "contacts" });
      await setHiddenFrom({ db: await db(), bus }, owner, ex, true);

      const opts = { transports: [transport] };
      const ownerSocket = connectClient(n.url, { ticket: await memberTicket(owner) }, opts);
      await waitConnected(ownerSocket);
      const watchers = {
        friend: connectClient(n.url, { ticket: await memberTicket(friend) }, opts),
        colleague: connectClient(n.url, { ticket: await memberTicket(colleague) }, opts),
        stranger: connectClient(n.url, { ticket: await memberTicket(stranger) }, opts),
        ex: connectClient(n.url, { ticket: await memberTicket(ex) }, opts),
        guest: connectClient(
          n.url,
          { ticket: await issueTicket(TEST_PRESENCE_SECRET, { kind: "guest", guestId: `vis-guest-${port}` }) },
          opts,
        ),
      };
      await Promise.all(Object.values(watchers).map(waitConnected));
      await until(async () => (await watch(watchers.friend, [owner]))[owner] === "online", 3000, "the owner online to the friend");

      const answers = Object.fromEntries(
        await Promise.all(Object.entries(watchers).map(async ([k, s]) => [k, (await watch(s, [owner]))[owner]])),
      );
      expect(answers).toEqual({ friend: "online", colleague: "online", stranger: "offline", ex: "offline", guest: "offline" });

      // The owner's tab goes idle: away, for the friend only (to the colleague it is still "online": nothing is sent).
      ownerSocket.emit("idle", true);
      await until(() => watchers.friend.statusOf(owner) === "away", 3000, "the friend to see the owner away");
      // The owner leaves: offline reaches both contacts who may see them.
      ownerSocket.close();
      await until(() => watchers.friend.statusOf(owner) === "offline", 3000, "the friend to see the owner go");
      await until(() => watchers.colleague.statusOf(owner) === "offline", 3000, "the colleague to see the owner go");

      expect(watchers.colleague.presence.filter((c) => c.memberId === owner).map((c) => c.status)).toEqual(["offline"]);
      for (const k of ["stranger", "ex", "guest"] as const) expect(watchers[k].presence.filter((c) => c.memberId === owner)).toEqual([]);
      for (const s of Object.values(watchers)) s.close();
    });
  }

  it("a change of rules reaches watches already open, at once: nobody, everyone again, then appear offline to one", async () => {
    const port = await freePort();
    const n = await startPresenceNode({ port, nodeId: `vis-rules-${port}`, databaseUrl: inject("databaseUrl") });
    nodes.push(n);
    // Route handlers reach this node through its internal bus endpoint, as in the embedded default.
    const toNode = { db: await db(), bus: new HttpBusClient(n.url, TEST_PRESENCE_SECRET) };
    const [owner, friend, stranger] = await Promise.all([newMember(), newMember(), newMember()]);
    await contacts(owner, friend);
    const ownerSocket = connectClient(n.url, { ticket: await memberTicket(owner) });
    const f = connectClient(n.url, { ticket: await memberTicket(friend) });
    const s = connectClient(n.url, { ticket: await memberTicket(stranger) });
    await Promise.all([ownerSocket, f, s].map(waitConnected));
    await until(async () => (await watch(f, [owner]))[owner] === "online", 3000, "the owner online to the friend");
    expect((await watch(s, [owner]))[owner]).toBe("online");

    await setVisibility(toNode, owner, { audience: "nobody" });
    await until(() => f.statusOf(owner) === "offline" && s.statusOf(owner) === "offline", 3000, "both watchers to lose sight");
    await setVisibility(toNode, owner, { audience: "contacts" });
    await until(() => f.statusOf(owner) === "online", 3000, "the friend to see the owner again");
    await setVisibility(toNode, owner, { audience: "everyone" });
    await until(() => s.statusOf(owner) === "online", 3000, "the stranger to see the owner again");
    await setHiddenFrom(toNode, owner, stranger, true);
    await until(() => s.statusOf(owner) === "offline", 3000, "the stranger to lose sight of the owner");
    expect(f.statusOf(owner)).toBe("online");
    // A block from the blocks list hides the owner from the friend at once, and unblocking shows them again.
    const { handle } = await (await db()).member.findUniqueOrThrow({ where: { id: friend }, select: { handle: true } });
    await blockMember(toNode, owner, handle);
    await until(() => f.statusOf(owner) === "offline", 3000, "the blocked friend to lose sight of the owner");
    await unblockMember(toNode, owner, handle);
    await until(() => f.statusOf(owner) === "online", 3000, "the unblocked friend to see the owner again");
    // While the contacts-only step hid the owner from the stranger, the stranger heard nothing of them.
    expect(s.presence.filter((c) => c.memberId === owner).map((c) => c.status)).toEqual(["offline", "online", "offline"]);
    for (const c of [ownerSocket, f, s]) c.close();
  });
});

describe.skipIf(!inject("databaseUrl").startsWith("postgres"))(
  "two presence nodes (PostgreSQL and Redis): the rules hold across nodes",
  () => {
    let redis: Awaited<ReturnType<typeof startRedis>> | undefined;
    beforeAll(async () => {
      redis = await startRedis();
    });
    afterAll(() => redis?.stop());

    for (const transport of ["websocket", "polling"] as const) {
      it(`over ${transport}: watchers on node A of a member on node B get no more than the member allows`, async () => {
        const env = { REDIS_URL: redis!.url };
        const [portA, portB] = [await freePort(), await freePort()];
        const a = await startPresenceNode({ port: portA, nodeId: `vis2-a-${portA}`, databaseUrl: inject("databaseUrl"), env });
        const b = await startPresenceNode({ port: portB, nodeId: `vis2-b-${portB}`, databaseUrl: inject("databaseUrl"), env });
        nodes.push(a, b);
        const [owner, friend, colleague, stranger, ex] = await Promise.all([
          newMember(),
          newMember(),
          newMember(),
          newMember(),
          newMember(),
        ]);
        for (const c of [friend, colleague, ex]) await contacts(owner, c);
        const work = await createGroup({ db: await db(), bus }, { ownerId: owner, name: "Work", detail: "basic" });
        await editEntry({ db: await db(), bus }, { ownerId: owner, contactId: colleague, edit: { groupIds: [work.id] } });
        await setHiddenFrom({ db: await db(), bus }, owner, ex, true);

        const opts = { transports: [transport] };
        // Everyone watches from node A; the owner is on node B, so every status crosses the bus.
        const watchers = {
          friend: connectClient(a.url, { ticket: await memberTicket(friend) }, opts),
          colleague: connectClient(a.url, { ticket: await memberTicket(colleague) }, opts),
          stranger: connectClient(a.url, { ticket: await memberTicket(stranger) }, opts),
          ex: connectClient(a.url, { ticket: await memberTicket(ex) }, opts),
          guest: connectClient(
            a.url,
            { ticket: await issueTicket(TEST_PRESENCE_SECRET, { kind: "guest", guestId: `vis2-guest-${portA}` }) },
            opts,
          ),
        };
        await Promise.all(Object.values(watchers).map(waitConnected));
        // Watching before the owner comes: the stranger and the guest (audience everyone, basic for
        // everyone) and the colleague (a basic group) may know online or offline, the blinded ex nothing.
        await setVisibility({ db: await db(), bus }, owner, { audience: "everyone", everyoneDetail: "basic" });
        const before = Object.fromEntries(
          await Promise.all(Object.entries(watchers).map(async ([k, s]) => [k, (await watch(s, [owner]))[owner]])),
        );
        expect(before).toEqual({ friend: "offline", colleague: "offline", stranger: "offline", ex: "offline", guest: "offline" });

        const ownerSocket = connectClient(b.url, { ticket: await memberTicket(owner) }, opts);
        await waitConnected(ownerSocket);
        await until(() => watchers.friend.statusOf(owner) === "online", 3000, "the friend on A to see the owner on B");
        await until(() => watchers.stranger.statusOf(owner) === "online", 3000, "the stranger on A to see the owner online");
        await until(() => watchers.colleague.statusOf(owner) === "online", 3000, "the colleague on A to see the owner online");
        await until(() => watchers.guest.statusOf(owner) === "online", 3000, "the guest on A to see the owner online");

        // Idle: the friend sees the owner away, the basic watchers hear nothing (still "online").
        ownerSocket.emit("idle", true);
        await until(() => watchers.friend.statusOf(owner) === "away", 3000, "the friend to see the owner away");
        // Now contacts only: the stranger loses sight at once, across nodes.
        await setVisibility({ db: await db(), bus: new HttpBusClient(a.url, TEST_PRESENCE_SECRET) }, owner, { audience: "contacts" });
        await until(() => watchers.stranger.statusOf(owner) === "offline", 3000, "the stranger to lose sight of the owner");
        await until(() => watchers.guest.statusOf(owner) === "offline", 3000, "the guest to lose sight of the owner");
        ownerSocket.emit("idle", false);
        await until(() => watchers.friend.statusOf(owner) === "online", 3000, "the friend to see the owner back");
        ownerSocket.close();
        await until(() => watchers.friend.statusOf(owner) === "offline", 3000, "the friend to see the owner go");
        await until(() => watchers.colleague.statusOf(owner) === "offline", 3000, "the colleague to see the owner go");

        const heard = (k: keyof typeof watchers) => watchers[k].presence.filter((c) => c.memberId === owner).map((c) => c.status);
        expect(heard("friend")).toEqual(["online", "away", "online", "offline"]);
        expect(heard("colleague")).toEqual(["online", "offline"]);
        expect(heard("stranger")).toEqual(["online", "offline"]);
        expect(heard("guest")).toEqual(["online", "offline"]);
        expect(heard("ex")).toEqual([]);
        for (const s of Object.values(watchers)) s.close();
      });
    }
  },
);
