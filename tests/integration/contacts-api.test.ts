import { describe, expect, it } from "vitest";
import { api, signedInMember } from "../support/http";

type Entry = {
  memberId: string;
  subscription: string;
  pendingIn: boolean;
  pendingOut: boolean;
  nickname: string;
  groups: { name: string }[];
};
type Book = { version: number; entries: Entry[]; gone: string[] };
const as = (cookie: string) => ({ headers: { cookie } });

describe("the contacts API", () => {
  it("two members become contacts by number and by handle, file each other in groups, and see only their own book", async () => {
    const [ann, ben, eve] = [await signedInMember(), await signedInMember(), await signedInMember()];
    const sent = await api<{ entry: Entry }>("/api/contacts", { method: "POST", json: { to: ben.number }, ...as(ann.cookie) });
    expect(sent.status).toBe(201);
    expect(sent.body.entry).toMatchObject({ memberId: ben.id, pendingOut: true });

    const bens = await api<Book>("/api/contacts", as(ben.cookie));
    expect(bens.body.entries).toEqual([expect.objectContaining({ memberId: ann.id, pendingIn: true })]);
    const accepted = await api<{ entry: Entry }>(`/api/contacts/${ann.id}`, {
      method: "POST",
      json: { action: "accept" },
      ...as(ben.cookie),
    });
    expect(accepted.body.entry.subscription).toBe("both");

    // Ann groups Ben and names him; the next fetch since her version shows just that.
    const { version } = (await api<Book>("/api/contacts", as(ann.cookie))).body;
    const group = await api<{ group: { id: string } }>("/api/contacts/groups", {
      method: "POST",
      json: { name: "Family", detail: "full" },
      ...as(ann.cookie),
    });
    expect(group.status).toBe(201);
    const edited = await api<{ entry: Entry }>(`/api/contacts/${ben.id}`, {
      method: "PATCH",
      json: { nickname: "Benny", groupIds: [group.body.group.id] },
      ...as(ann.cookie),
    });
    expect(edited.body.entry).toMatchObject({ nickname: "Benny", groups: [{ name: "Family" }] });
    const delta = await api<Book>(`/api/contacts?since=${version}`, as(ann.cookie));
    expect(delta.body.entries.map((e) => e.nickname)).toEqual(["Benny"]);

    // Eve can neither touch Ann's entries nor Ann's groups; adding by handle works for her own book.
    expect((await api(`/api/contacts/${ben.id}`, { method: "PATCH", json: { nickname: "x" }, ...as(eve.cookie) })).status).toBe(404);
    expect((await api(`/api/contacts/groups/${group.body.group.id}`, { method: "DELETE", ...as(eve.cookie) })).status).toBe(404);
    expect(
      (await api(`/api/contacts/${ben.id}`, { method: "PATCH", json: { groupIds: [group.body.group.id] }, ...as(eve.cookie) })).status,
    ).toBe(404);
    const byHandle = await api<{ entry: Entry }>("/api/contacts", { method: "POST", json: { to: `@${ann.handle}` }, ...as(eve.cookie) });
    expect(byHandle.body.entry).toMatchObject({ memberId: ann.id, pendingOut: true });
    expect((await api<Book>("/api/contacts", as(eve.cookie))).body.entries.map((e) => e.memberId)).toEqual([ann.id]);
  });

  it("explains bad input, unknown members and signed-out callers", async () => {
    const me = await signedInMember();
    const bad = await api<{ error: { code: string; message: string } }>("/api/contacts", {
      method: "POST",
      json: { to: "12 34" },
      ...as(me.cookie),
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/12-digit number/);
    const unknown = await api<{ error: { code: string } }>("/api/contacts", {
      method: "POST",
      json: { to: "9999 9999 9999" },
      ...as(me.cookie),
    });
    expect(unknown.status).toBe(404);
    expect((await api("/api/contacts", { method: "POST", json: { to: me.number }, ...as(me.cookie) })).status).toBe(400);
    expect((await api("/api/contacts")).status).toBe(401);
    expect((await api("/api/presence/visibility", { method: "PUT", json: { audience: "friends" }, ...as(me.cookie) })).status).toBe(400);
  });

  it("holds back request spam: the 31st request in an hour is refused with a wait", async () => {
    const [pest, target] = [await signedInMember(), await signedInMember()];
    for (let i = 0; i < 30; i++) {
      const r = await api("/api/contacts", { method: "POST", json: { to: target.number }, ...as(pest.cookie) });
      expect(r.status).toBe(201);
    }
    const refused = await api<{ error: { code: string; message: string } }>("/api/contacts", {
      method: "POST",
      json: { to: target.number },
      ...as(pest.cookie),
    });
    expect(refused.status).toBe(429);
    expect(refused.headers.get("retry-after")).toMatch(/^\d+$/);
  });

  it("a member's visibility choice is kept and read back; another member's is not theirs to change", async () => {
    const [owner, other] = [await signedInMember(), await signedInMember()];
    const put = await api<{ audience: string; contactDetail: string }>("/api/presence/visibility", {
      method: "PUT",
      json: { audience: "contacts", contactDetail: "basic" },
      ...as(owner.cookie),
    });
    expect(put.body).toMatchObject({ audience: "contacts", contactDetail: "basic" });
    expect((await api<{ audience: string }>("/api/presence/visibility", as(owner.cookie))).body.audience).toBe("contacts");
    expect((await api<{ audience: string }>("/api/presence/visibility", as(other.cookie))).body.audience).toBe("everyone");
    expect((await api(`/api/presence/hidden/${other.id}`, { method: "PUT", ...as(owner.cookie) })).status).toBe(200);
    expect((await api(`/api/presence/hidden/${owner.id}`, { method: "PUT", ...as(owner.cookie) })).status).toBe(400);
  });
});
