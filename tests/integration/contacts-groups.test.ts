import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actOnContact } from "../../lib/contacts/act-on-contact";
import { editEntry } from "../../lib/contacts/edit-entry";
import { createGroup, deleteGroup, listGroups, updateGroup } from "../../lib/contacts/groups";
import { listBook } from "../../lib/contacts/list-book";
import { db, disconnectDb } from "../../lib/db/client";
import { useStackDatabase } from "../support/http";
import { createMember, recordingBus } from "../support/members";

beforeAll(() => useStackDatabase());
afterAll(() => disconnectDb());

const { bus } = recordingBus();
const deps = async () => ({ db: await db(), bus });

describe("groups, nicknames and notes", () => {
  it("files a contact in several groups with a nickname, note and star; only the owner's groups", async () => {
    const [me, friend, stranger] = [await createMember("cg"), await createMember("cg"), await createMember("cg")];
    await actOnContact(await deps(), { memberId: me, otherId: friend, action: "request" });
    const family = await createGroup(await deps(), { ownerId: me, name: " Family ", detail: "full" });
    const work = await createGroup(await deps(), { ownerId: me, name: "Work", detail: "basic" });
    expect(family).toMatchObject({ name: "Family", detail: "full", position: 0 });
    expect(work.position).toBe(1);

    const entry = await editEntry(await deps(), {
      ownerId: me,
      contactId: friend,
      edit: { nickname: "Bestie", note: "Met in Lisbon", favourite: true, groupIds: [work.id, family.id] },
    });
    expect(entry).toMatchObject({ nickname: "Bestie", note: "Met in Lisbon", favourite: true });
    expect(entry.groups.map((g) => g.name)).toEqual(["Family", "Work"]);
    expect((await listGroups(await db(), me)).map((g) => [g.name, g.size])).toEqual([
      ["Family", 1],
      ["Work", 1],
    ]);

    // Someone else's group, or a member not in the book, is refused and changes nothing.
    const theirs = await createGroup(await deps(), { ownerId: stranger, name: "Family" });
    await expect(editEntry(await deps(), { ownerId: me, contactId: friend, edit: { groupIds: [theirs.id] } })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(editEntry(await deps(), { ownerId: me, contactId: stranger, edit: { nickname: "x" } })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect((await listBook(await db(), me)).entries[0]?.groups).toHaveLength(2);
  });

  it("a renamed group shows in its entries' next fetch; a deleted one leaves its contacts in the book", async () => {
    const [me, friend] = [await createMember("cg"), await createMember("cg")];
    await actOnContact(await deps(), { memberId: me, otherId: friend, action: "request" });
    const g = await createGroup(await deps(), { ownerId: me, name: "Climbing" });
    await editEntry(await deps(), { ownerId: me, contactId: friend, edit: { groupIds: [g.id] } });
    const held = (await listBook(await db(), me)).version;
    await updateGroup(await deps(), { ownerId: me, groupId: g.id, name: "Bouldering", detail: "basic" });
    const delta = await listBook(await db(), me, { since: held });
    expect(delta.entries[0]?.groups).toEqual([{ id: g.id, name: "Bouldering" }]);
    await deleteGroup(await deps(), { ownerId: me, groupId: g.id });
    expect((await listBook(await db(), me)).entries[0]).toMatchObject({ memberId: friend, groups: [] });
  });

  it("group names are unique per member, whatever their case or accents, and bad names are explained", async () => {
    const me = await createMember("cg");
    await createGroup(await deps(), { ownerId: me, name: "Équipe" });
    await expect(createGroup(await deps(), { ownerId: me, name: "equipe" })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(createGroup(await deps(), { ownerId: me, name: "   " })).rejects.toMatchObject({ code: "VALIDATION_FAILED" });
    await expect(createGroup(await deps(), { ownerId: me, name: "x".repeat(41) })).rejects.toMatchObject({ code: "VALIDATION_FAILED" });
    const other = await createMember("cg");
    await expect(
      updateGroup(await deps(), { ownerId: other, groupId: (await listGroups(await db(), me))[0]!.id, name: "Mine" }),
    ).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});
