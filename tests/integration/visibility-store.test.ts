import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actOnContact } from "../../lib/contacts/act-on-contact";
import { editEntry } from "../../lib/contacts/edit-entry";
import { createGroup } from "../../lib/contacts/groups";
import { db, disconnectDb } from "../../lib/db/client";
import { relationsFrom, relationsTo, setHiddenFrom, setVisibility, statusesSeenBy } from "../../lib/presence/visibility-store";
import { useStackDatabase } from "../support/http";
import { createMember, recordingBus } from "../support/members";

beforeAll(() => useStackDatabase());
afterAll(() => disconnectDb());

const { bus } = recordingBus();
async function contacts(a: string, b: string) {
  const deps = { db: await db(), bus };
  await actOnContact(deps, { memberId: a, otherId: b, action: "request" });
  await actOnContact(deps, { memberId: b, otherId: a, action: "accept" });
}

describe("what each watcher may see, from the database", () => {
  it("contacts only, a basic group, appear-offline-to and a block, each for the right watcher", async () => {
    const [owner, friend, colleague, stranger, ex] = [
      await createMember("vs"),
      await createMember("vs"),
      await createMember("vs"),
      await createMember("vs"),
      await createMember("vs"),
    ];
    await contacts(owner, friend);
    await contacts(owner, colleague);
    await contacts(owner, ex);
    const work = await createGroup({ db: await db(), bus }, { ownerId: owner, name: "Work", detail: "basic" });
    await editEntry({ db: await db(), bus }, { ownerId: owner, contactId: colleague, edit: { groupIds: [work.id] } });
    await setVisibility({ db: await db(), bus }, owner, { audience: "contacts" });
    await setHiddenFrom({ db: await db(), bus }, owner, ex, true);

    const status = { [owner]: "busy" as const };
    const seen = async (watcher: string | null) => (await statusesSeenBy(await db(), status, watcher))[owner];
    expect(await seen(owner)).toBe("busy");
    expect(await seen(friend)).toBe("busy");
    expect(await seen(colleague)).toBe("online");
    expect(await seen(stranger)).toBe("offline");
    expect(await seen(null)).toBe("offline");
    expect(await seen(ex)).toBe("offline");

    // Back to everyone: the stranger sees it, the blinded ex still does not, until unhidden.
    await setVisibility({ db: await db(), bus }, owner, { audience: "everyone" });
    expect(await seen(stranger)).toBe("busy");
    expect(await seen(ex)).toBe("offline");
    await setHiddenFrom({ db: await db(), bus }, owner, ex, false);
    expect(await seen(ex)).toBe("busy");
    // A block hides the owner from the blocked member, whatever else holds.
    await (await db()).block.create({ data: { blockerId: owner, blockedId: friend } });
    expect(await seen(friend)).toBe("offline");
  });

  it("a request not yet accepted gives no contact's view", async () => {
    const [owner, asker] = [await createMember("vs"), await createMember("vs")];
    await actOnContact({ db: await db(), bus }, { memberId: asker, otherId: owner, action: "request" });
    await setVisibility({ db: await db(), bus }, owner, { audience: "contacts" });
    expect((await statusesSeenBy(await db(), { [owner]: "online" }, asker))[owner]).toBe("offline");
  });

  it("many watchers of one member at once give the same relations as one at a time", async () => {
    const [owner, friend, colleague, ex, stranger] = [
      await createMember("vs"),
      await createMember("vs"),
      await createMember("vs"),
      await createMember("vs"),
      await createMember("vs"),
    ];
    await contacts(owner, friend);
    await contacts(owner, colleague);
    const work = await createGroup({ db: await db(), bus }, { ownerId: owner, name: "Work", detail: "basic" });
    await editEntry({ db: await db(), bus }, { ownerId: owner, contactId: colleague, edit: { groupIds: [work.id] } });
    await setHiddenFrom({ db: await db(), bus }, owner, ex, true);
    await (await db()).block.create({ data: { blockerId: owner, blockedId: stranger } });
    const watchers = [friend, colleague, ex, stranger, owner, null];
    const together = await relationsFrom(await db(), owner, watchers);
    for (const w of watchers) expect(together.get(w), String(w)).toEqual((await relationsTo(await db(), [owner], w)).get(owner));
    expect(together.get(colleague)).toMatchObject({ contact: true, groups: [work.id] });
    expect(together.get(ex)?.blinded).toBe(true);
    expect(together.get(stranger)?.blocked).toBe(true);
  });
});
