import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actOnContact } from "../../lib/contacts/act-on-contact";
import { askWhenAvailable, cancelAsk, fireAvailability, listAsks } from "../../lib/contacts/availability-store";
import { db, disconnectDb } from "../../lib/db/client";
import type { Email } from "../../lib/mailbox/notify";
import { setHiddenFrom, setVisibility } from "../../lib/presence/visibility-store";
import { api, signedInMember, useStackDatabase } from "../support/http";
import { createMember, recordingBus } from "../support/members";

beforeAll(() => useStackDatabase());
afterAll(() => disconnectDb());

/** Two members who see each other, as after a request and its acceptance. */
async function contacts(prefix: string) {
  const [asker, watched] = [await createMember(prefix, "Asker"), await createMember(prefix, "Watched")];
  const deps = { db: await db(), bus: recordingBus().bus };
  await actOnContact(deps, { memberId: asker, otherId: watched, action: "request" });
  await actOnContact(deps, { memberId: watched, otherId: asker, action: "accept" });
  return { asker, watched };
}

function recordingMailer() {
  const mails: Email[] = [];
  return { mails, mailer: { send: async (m: Email) => void mails.push(m) } };
}

describe("tell me when available", () => {
  it("fires once when the contact comes online: live event, and email to a verified address when the asker is away", async () => {
    const client = await db();
    const { asker, watched } = await contacts("av1");
    await client.member.update({ where: { id: asker }, data: { emailVerifiedAt: new Date() } });
    const ask = await askWhenAvailable({ db: client, bus: recordingBus().bus }, { askerId: asker, watchedId: watched });
    expect(ask).toMatchObject({ memberId: watched, state: "open" });
    // A second ask returns the first: one open ask per contact.
    expect((await askWhenAvailable({ db: client, bus: recordingBus().bus }, { askerId: asker, watchedId: watched })).id).toBe(ask.id);

    const { bus, sent } = recordingBus();
    const { mails, mailer } = recordingMailer();
    // Changes that are not "online" fire nothing.
    expect(await fireAvailability({ db: client, bus, mailer }, [{ memberId: watched, status: "away" }])).toBe(0);
    expect(await fireAvailability({ db: client, bus, mailer }, [{ memberId: watched, status: "online" }])).toBe(1);
    expect(sent).toEqual([
      expect.objectContaining({ memberId: asker, type: "available", data: expect.objectContaining({ askId: ask.id }) }),
    ]);
    expect(mails).toEqual([expect.objectContaining({ subject: expect.stringContaining("is available now") })]);
    // One-shot: the same change again (another node, another process) fires nothing more.
    expect(await fireAvailability({ db: client, bus, mailer }, [{ memberId: watched, status: "online" }])).toBe(0);
    expect((await listAsks(client, asker)).map((a) => a.state)).toEqual(["fired"]);
    const stored = await client.availabilityWatch.findUniqueOrThrow({ where: { id: ask.id } });
    expect(stored).toMatchObject({ firedBy: "email", openKey: null });
  });

  it("never emails an address not proven, and waits while the contact appears offline to the asker", async () => {
    const client = await db();
    const { asker, watched } = await contacts("av2");
    await askWhenAvailable({ db: client, bus: recordingBus().bus }, { askerId: asker, watchedId: watched });
    await setHiddenFrom({ db: client, bus: recordingBus().bus }, watched, asker, true);
    const { bus, sent } = recordingBus();
    const { mails, mailer } = recordingMailer();
    expect(await fireAvailability({ db: client, bus, mailer }, [{ memberId: watched, status: "online" }])).toBe(0);
    await setHiddenFrom({ db: client, bus: recordingBus().bus }, watched, asker, false);
    expect(await fireAvailability({ db: client, bus, mailer }, [{ memberId: watched, status: "online" }])).toBe(1);
    expect(sent.map((s) => s.type)).toEqual(["available"]);
    expect(mails).toEqual([]);
  });

  it("tells an asker who sees only online or offline as soon as the contact is anything but offline", async () => {
    const client = await db();
    const { asker, watched } = await contacts("av4");
    await setVisibility({ db: client, bus: recordingBus().bus }, watched, { contactDetail: "basic" });
    await askWhenAvailable({ db: client, bus: recordingBus().bus }, { askerId: asker, watchedId: watched });
    const { bus, sent } = recordingBus();
    expect(await fireAvailability({ db: client, bus }, [{ memberId: watched, status: "offline" }])).toBe(0);
    expect(await fireAvailability({ db: client, bus }, [{ memberId: watched, status: "away" }])).toBe(1);
    expect(sent.map((e) => e.type)).toEqual(["available"]);
  });

  it("lapses after a day, can be cancelled only by its asker, and is refused for someone who is not a contact", async () => {
    const client = await db();
    const { asker, watched } = await contacts("av3");
    const stranger = await createMember("av3", "Stranger");
    await expect(
      askWhenAvailable({ db: client, bus: recordingBus().bus }, { askerId: stranger, watchedId: watched }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    const ask = await askWhenAvailable({ db: client, bus: recordingBus().bus }, { askerId: asker, watchedId: watched });
    await expect(cancelAsk({ db: client, bus: recordingBus().bus }, { askerId: stranger, askId: ask.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    const tomorrow = new Date(Date.now() + 24 * 3600_000 + 1000);
    expect(
      await fireAvailability({ db: client, bus: recordingBus().bus, now: () => tomorrow }, [{ memberId: watched, status: "online" }]),
    ).toBe(0);
    // A lapsed ask gives way to a new one.
    const again = await askWhenAvailable({ db: client, bus: recordingBus().bus }, { askerId: asker, watchedId: watched, now: tomorrow });
    expect(again.id).not.toBe(ask.id);
    await cancelAsk({ db: client, bus: recordingBus().bus }, { askerId: asker, askId: again.id });
    expect(
      await fireAvailability({ db: client, bus: recordingBus().bus, now: () => tomorrow }, [{ memberId: watched, status: "online" }]),
    ).toBe(0);
  });

  it("through the routes: members only, own asks only, bad input explained", async () => {
    const [ann, ben] = [await signedInMember(), await signedInMember()];
    const as = (cookie: string) => ({ headers: { cookie } });
    expect((await api("/api/contacts/availability")).status).toBe(401);
    expect((await api("/api/contacts/availability", { method: "POST", json: { memberId: ben.id } })).status).toBe(401);
    // Not a contact yet.
    const refused = await api<{ error: { code: string } }>("/api/contacts/availability", {
      method: "POST",
      json: { memberId: ben.id },
      ...as(ann.cookie),
    });
    expect(refused.status).toBe(404);
    expect((await api("/api/contacts/availability", { method: "POST", json: {}, ...as(ann.cookie) })).status).toBe(400);
    await api("/api/contacts", { method: "POST", json: { to: ben.handle }, ...as(ann.cookie) });
    await api(`/api/contacts/${ann.id}`, { method: "POST", json: { action: "accept" }, ...as(ben.cookie) });
    // Ben has no presence connection: offline, so Ann may ask.
    const made = await api<{ ask: { id: string } }>("/api/contacts/availability", {
      method: "POST",
      json: { memberId: ben.id },
      ...as(ann.cookie),
    });
    expect(made.status).toBe(201);
    expect((await api<{ asks: unknown[] }>("/api/contacts/availability", as(ben.cookie))).body.asks).toEqual([]);
    expect((await api(`/api/contacts/availability/${made.body.ask.id}`, { method: "DELETE", ...as(ben.cookie) })).status).toBe(404);
    expect((await api(`/api/contacts/availability/${made.body.ask.id}`, { method: "DELETE", ...as(ann.cookie) })).status).toBe(200);
    expect((await api<{ asks: unknown[] }>("/api/contacts/availability", as(ann.cookie))).body.asks).toEqual([]);
  });
});
