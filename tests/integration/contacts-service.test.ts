import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actOnContact, type ContactAction } from "../../lib/contacts/act-on-contact";
import { listBook } from "../../lib/contacts/list-book";
import { REQUEST_TTL_MS } from "../../lib/contacts/subscription";
import { db, disconnectDb } from "../../lib/db/client";
import { useStackDatabase } from "../support/http";
import { createMember, recordingBus } from "../support/members";

beforeAll(() => useStackDatabase());
afterAll(() => disconnectDb());

async function deps(now?: Date) {
  const { bus, sent } = recordingBus();
  return { d: { db: await db(), bus, ...(now ? { now: () => now } : {}) }, sent };
}

const act = async (memberId: string, otherId: string, action: ContactAction, now?: Date) =>
  actOnContact((await deps(now)).d, { memberId, otherId, action });

describe("the address book on the database", () => {
  it("a request shows as pending on both sides; accepting makes both contacts, each told through the bus", async () => {
    const [ann, ben] = [await createMember("ct", "Ann"), await createMember("ct", "Ben")];
    const { d, sent } = await deps();
    const sentReq = await actOnContact(d, { memberId: ann, otherId: ben, action: "request" });
    expect(sentReq.entry).toMatchObject({ memberId: ben, inBook: true, subscription: "none", pendingOut: true });
    expect(sent.map((e) => [e.memberId, e.type])).toEqual([
      [ann, "roster"],
      [ben, "roster"],
    ]);
    const bens = await listBook(d.db, ben);
    expect(bens.entries).toHaveLength(1);
    expect(bens.entries[0]).toMatchObject({ memberId: ann, inBook: false, pendingIn: true });
    expect(bens.entries[0]?.requestedInAt).not.toBeNull();

    const accepted = await act(ben, ann, "accept");
    expect(accepted.entry).toMatchObject({ memberId: ann, inBook: true, subscription: "both", pendingIn: false });
    expect((await listBook(d.db, ann)).entries[0]).toMatchObject({ memberId: ben, subscription: "both", pendingOut: false });
  });

  it("two members adding each other at once end as contacts exactly once", async () => {
    const [a, b] = [await createMember("ct"), await createMember("ct")];
    await Promise.all([act(a, b, "request"), act(b, a, "request")]);
    const client = await db();
    expect(await client.contact.count({ where: { OR: [{ ownerId: a }, { ownerId: b }] } })).toBe(2);
    expect((await listBook(client, a)).entries[0]).toMatchObject({ subscription: "both", inBook: true });
    expect((await listBook(client, b)).entries[0]).toMatchObject({ subscription: "both", inBook: true });
  });

  it("roster versions: a browser holding a version fetches only what changed, and learns what left the book", async () => {
    const [me, x, y] = [await createMember("ct"), await createMember("ct"), await createMember("ct")];
    await act(me, x, "request");
    const held = (await listBook(await db(), me)).version;
    await act(me, y, "request");
    await act(me, x, "withdraw");
    const delta = await listBook(await db(), me, { since: held });
    expect(delta.version).toBeGreaterThan(held);
    expect(delta.entries.map((e) => e.memberId)).toEqual([y]);
    expect(delta.gone).toEqual([x]);
    expect((await listBook(await db(), me, { since: delta.version })).entries).toEqual([]);
  });

  it("decline and block: the request is gone, nothing is left, and a new request from them is never shown", async () => {
    const [pest, me] = [await createMember("ct"), await createMember("ct")];
    await act(pest, me, "request");
    await act(me, pest, "decline-and-block");
    const client = await db();
    expect((await listBook(client, me)).entries).toEqual([]);
    expect(await client.block.count({ where: { blockerId: me, blockedId: pest } })).toBe(1);
    // The pest asks again: they see their request pending (nothing tells them of the block), the member sees nothing
    // and is not even told their book changed.
    const { d, sent } = await deps();
    const again = await actOnContact(d, { memberId: pest, otherId: me, action: "request" });
    expect(again.entry).toMatchObject({ pendingOut: true });
    expect(sent.map((e) => e.memberId)).toEqual([pest]);
    expect((await listBook(client, me)).entries).toEqual([]);
    // And the member cannot add someone they blocked without unblocking first.
    await expect(act(me, pest, "request")).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("removing a contact ends it for both; the other keeps the entry, no longer seeing", async () => {
    const [a, b] = [await createMember("ct"), await createMember("ct")];
    await act(a, b, "request");
    await act(b, a, "accept");
    const removed = await act(a, b, "remove");
    expect(removed.entry).toBeNull();
    expect((await listBook(await db(), b)).entries[0]).toMatchObject({ memberId: a, inBook: true, subscription: "none" });
  });

  it("a request unanswered for 30 days lapses when either side next acts", async () => {
    const [a, b] = [await createMember("ct"), await createMember("ct")];
    const t0 = new Date();
    await act(a, b, "request", t0);
    await expect(act(b, a, "accept", new Date(t0.getTime() + REQUEST_TTL_MS + 1000))).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("refuses what makes no sense, with a reason", async () => {
    const a = await createMember("ct");
    await expect(act(a, a, "request")).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(act(a, "no-such-member", "request")).rejects.toMatchObject({ code: "NOT_FOUND" });
    const b = await createMember("ct");
    await expect(act(a, b, "accept")).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/no request/) });
  });
});
