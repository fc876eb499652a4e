import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callHistory } from "../../lib/calls/history";
import { saveRules } from "../../lib/calls/routing/save-rules";
import { acceptCall, incomingFor, placeCall } from "../../lib/calls/service";
import { sweepRinging } from "../../lib/calls/sweep";
import { db, disconnectDb } from "../../lib/db/client";
import { chosenSlot, greetingForCall } from "../../lib/mailbox/greetings";
import { useStackDatabase } from "../support/http";
import { recordingBus } from "../support/members";
import { type DeviceSpec, later, legsOf, routedMember, rule, ruleDoc, setRules } from "../support/routing";

/** Calls through members' routing rules, against the stack's database, with the ring clock moved by hand. */
beforeAll(() => useStackDatabase());
afterAll(() => disconnectDb());

const member = (name: string, devices?: DeviceSpec[]) => routedMember("rt", "29", name, devices);
const doc = ruleDoc;

describe("routing rules on real calls", () => {
  it("follows a forward chain across two members' rules, and the one who answers sees whose call it was", async () => {
    const { bus, sent } = recordingBus();
    const deps = { db: await db(), bus };
    const [caller, ada, ben, cleo] = [await member("Caller"), await member("Ada"), await member("Ben"), await member("Cleo")];
    await setRules(ada.id, doc([rule({ type: "forward", to: ben.digits }, {}, "Everything to Ben")]));
    await setRules(ben.id, doc([rule({ type: "forward", to: cleo.digits })]));

    const call = await placeCall(deps, { callerId: caller.id, calleeId: ada.id, kind: "voice" });
    expect(call).toMatchObject({ status: "ringing", calleeId: cleo.id, meantForId: ada.id });
    expect(await legsOf(call.id)).toEqual([
      { memberId: ada.id, result: "forwarded", rang: "" },
      { memberId: ben.id, result: "forwarded", rang: "" },
      { memberId: cleo.id, result: null, rang: "Browser" },
    ]);
    const rings = sent.filter((e) => e.type === "call-ring");
    expect(rings.map((e) => e.memberId)).toEqual([cleo.id]);
    expect(rings[0]!.data).toMatchObject({ meantFor: { displayName: expect.stringContaining("Ada") } });
    // Nobody but the member rung may answer.
    await expect(acceptCall(deps, call.id, ada.id, "d")).rejects.toThrow();
    await acceptCall(deps, call.id, cleo.id, "d");
    expect((await legsOf(call.id)).at(-1)).toEqual({ memberId: cleo.id, result: "answered", rang: "Browser" });

    const adaSees = (await callHistory(deps.db, ada.id)).find((c) => c.id === call.id)!;
    expect(adaSees).toMatchObject({ direction: "incoming", forwardedOn: true, unseen: false });
    expect(adaSees.path.join(" → ")).toMatch(/^forwarded to Ben .* → forwarded to Cleo .* → rang Cleo .* \d+ s → Cleo .* answered$/);
    const cleoSees = (await callHistory(deps.db, cleo.id)).find((c) => c.id === call.id)!;
    expect(cleoSees.meantFor?.displayName).toContain("Ada");
    expect(cleoSees.path.at(-2)).toMatch(/^rang Browser \d+ s$/);
  });

  it("cuts a forward loop and stops with the member who would close it; a forward back to the caller is cut too", async () => {
    const deps = { db: await db(), bus: recordingBus().bus };
    const [caller, ada, ben] = [await member("Caller"), await member("Ada"), await member("Ben")];
    await setRules(ada.id, doc([rule({ type: "forward", to: ben.digits })]));
    await setRules(ben.id, doc([rule({ type: "forward", to: ada.digits })]));
    const call = await placeCall(deps, { callerId: caller.id, calleeId: ada.id, kind: "video" });
    expect(call).toMatchObject({ status: "ended", outcome: "unavailable", calleeId: ben.id, meantForId: ada.id });
    expect((await legsOf(call.id)).map((l) => l.result)).toEqual(["forwarded", "loop"]);

    await setRules(ben.id, doc([rule({ type: "forward", to: caller.digits })]));
    const back = await placeCall(deps, { callerId: caller.id, calleeId: ben.id, kind: "video" });
    expect(back).toMatchObject({ status: "ended", outcome: "unavailable", calleeId: ben.id });
    expect((await legsOf(back.id)).map((l) => l.result)).toEqual(["loop"]);
  });

  it("forwards an unanswered call after the rule's ring time, and the member first rung stops ringing", async () => {
    const { bus, sent } = recordingBus();
    const deps = { db: await db(), bus };
    const [caller, ada, ben] = [await member("Caller"), await member("Ada"), await member("Ben")];
    await setRules(ada.id, doc([rule({ type: "ring", devices: "all", seconds: 10, otherwise: { type: "forward", to: ben.digits } })]));
    const call = await placeCall(deps, { callerId: caller.id, calleeId: ada.id, kind: "video" });
    expect(call).toMatchObject({ status: "ringing", calleeId: ada.id });
    expect(call.ringUntil.getTime() - call.createdAt.getTime()).toBe(10_000);

    // Not before its time, and not missed at it: the plan forwards.
    expect(await sweepRinging({ ...deps, now: later(5_000) }, { callIds: [call.id] })).toBe(0);
    expect(await sweepRinging({ ...deps, now: later(10_500) }, { callIds: [call.id] })).toBe(1);
    const row = await deps.db.call.findUniqueOrThrow({ where: { id: call.id } });
    expect(row).toMatchObject({ status: "ringing", calleeId: ben.id, meantForId: ada.id, plan: null });
    expect(sent.filter((e) => e.type === "call-ring").map((e) => e.memberId)).toEqual([ada.id, ben.id]);
    const toAda = sent.find((e) => e.type === "call" && e.memberId === ada.id);
    expect(toAda?.data).toMatchObject({ status: "ended", outcomeText: expect.stringContaining("Forwarded to") });
    expect((await legsOf(call.id)).map((l) => l.result)).toEqual(["forwarded", null]);
    // Ben's own ring time then runs out: missed, on Ben.
    expect(await sweepRinging({ ...deps, now: later(10_500 + 31_000) }, { callIds: [call.id] })).toBe(1);
    expect(await deps.db.call.findUniqueOrThrow({ where: { id: call.id } })).toMatchObject({ status: "ended", outcome: "missed" });
    expect((await legsOf(call.id)).map((l) => l.result)).toEqual(["forwarded", "missed"]);
  });

  it("rings three devices in turn, most recently active first, each only on its own device", async () => {
    const { bus, sent } = recordingBus();
    const deps = { db: await db(), bus };
    const caller = await member("Caller");
    const chrome = "Mozilla/5.0 (X11; Linux x86_64) Chrome/131.0 Safari/537.36";
    const iphone = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) Version/17.0 Mobile/15E148 Safari/604.1";
    const ada = await member("Ada", [
      { id: "laptop", ua: chrome, ageMs: 60_000 },
      { id: "phone", ua: iphone, ageMs: 1_000 },
      { id: "old-tab", ua: chrome, idle: true, ageMs: 0 },
    ]);
    await setRules(ada.id, doc([rule({ type: "ring", devices: "sequence", seconds: 5, otherwise: { type: "mailbox" } })]));
    const call = await placeCall(deps, { callerId: caller.id, calleeId: ada.id, kind: "voice" });
    expect(call.ringDevice).toBe("phone");
    expect((await incomingFor(deps.db, ada.id, "phone"))?.callId).toBe(call.id);
    expect(await incomingFor(deps.db, ada.id, "laptop")).toBeNull();

    expect(await sweepRinging({ ...deps, now: later(5_100) }, { callIds: [call.id] })).toBe(1);
    expect((await deps.db.call.findUniqueOrThrow({ where: { id: call.id } })).ringDevice).toBe("laptop");
    expect(await sweepRinging({ ...deps, now: later(10_200) }, { callIds: [call.id] })).toBe(1);
    expect((await deps.db.call.findUniqueOrThrow({ where: { id: call.id } })).ringDevice).toBe("old-tab");
    expect(await sweepRinging({ ...deps, now: later(15_300) }, { callIds: [call.id] })).toBe(1);
    expect(await deps.db.call.findUniqueOrThrow({ where: { id: call.id } })).toMatchObject({ status: "ended", outcome: "missed" });

    const rings = sent.filter((e) => e.type === "call-ring").map((e) => (e.data as { device?: string }).device);
    expect(rings).toEqual(["phone", "laptop", "old-tab"]);
    expect(await legsOf(call.id)).toEqual([
      { memberId: ada.id, result: "missed", rang: "Safari on iPhone, Chrome on Linux, Chrome on Linux 2" },
    ]);
  });

  it("do-not-disturb lets a favourite ring through and sends a stranger to the mailbox; a rule declines with a note", async () => {
    const deps = { db: await db(), bus: recordingBus().bus };
    const [friend, stranger, ada] = [await member("Friend"), await member("Stranger"), await member("Ada")];
    await deps.db.member.update({ where: { id: ada.id }, data: { presenceSetting: "dnd" } });
    await deps.db.contact.create({ data: { ownerId: ada.id, contactId: friend.id, inBook: true, favourite: true } });
    await setRules(ada.id, doc([], { dnd: { favourites: true, repeatCallers: false } }));

    const fromFriend = await placeCall(deps, { callerId: friend.id, calleeId: ada.id, kind: "video" });
    expect(fromFriend.status).toBe("ringing");
    await deps.db.call.update({ where: { id: fromFriend.id }, data: { status: "ended", outcome: "canceled", endedAt: new Date() } });
    const fromStranger = await placeCall(deps, { callerId: stranger.id, calleeId: ada.id, kind: "video" });
    expect(fromStranger).toMatchObject({ status: "ended", outcome: "unavailable" });
    expect((await legsOf(fromStranger.id)).map((l) => l.result)).toEqual(["mailbox"]);

    await setRules(ada.id, doc([rule({ type: "decline", text: "Back at 3" }, { callers: [{ type: "strangers" }] })]));
    const declined = await placeCall(deps, { callerId: stranger.id, calleeId: ada.id, kind: "video" });
    expect(declined).toMatchObject({ status: "ended", outcome: "declined", note: "Back at 3" });
  });

  it("a mailbox rule's chosen greeting is what the caller of that call hears, and no one else", async () => {
    const deps = { db: await db(), bus: recordingBus().bus };
    const [caller, other, ada] = [await member("Caller"), await member("Other"), await member("Ada")];
    const handle = (await deps.db.member.findUniqueOrThrow({ where: { id: ada.id }, select: { handle: true } })).handle;
    const past = new Date(Date.now() - 86_400_000);
    for (const slot of ["standard", "temporary"]) {
      await deps.db.greeting.create({
        data: {
          memberId: ada.id,
          slot,
          kind: "voice",
          mediaKey: `g/${ada.id}/${slot}`,
          mime: "audio/webm",
          durationMs: 3000,
          endsAt: slot === "temporary" ? past : null,
        },
      });
    }
    await setRules(ada.id, doc([rule({ type: "mailbox", greeting: "temporary" })]));
    const call = await placeCall(deps, { callerId: caller.id, calleeId: ada.id, kind: "voice" });
    expect(call).toMatchObject({ status: "ended", outcome: "unavailable" });
    expect((await deps.db.call.findUniqueOrThrow({ where: { id: call.id } })).greeting).toBe("temporary");
    // The caller of this call hears the temporary greeting, though its end date has passed.
    const heard = await greetingForCall(deps.db, { member: { id: ada.id, handle }, callId: call.id, viewerId: caller.id });
    expect(heard).toMatchObject({ slot: "temporary", url: expect.stringContaining(`call=${call.id}`) });
    // Anyone else holding the call's id gets the current greeting (the standard one), never the chosen one.
    expect(await chosenSlot(deps.db, ada.id, call.id, other.id)).toBeNull();
    expect(await greetingForCall(deps.db, { member: { id: ada.id, handle }, callId: call.id, viewerId: other.id })).toMatchObject({
      slot: "standard",
    });
    expect(await chosenSlot(deps.db, ada.id, call.id, null)).toBeNull();
  });

  it("refuses to save a forward to an unknown number or the member's own", async () => {
    const client = await db();
    const ada = await member("Ada");
    const bad = (to: string) => saveRules(client, { memberId: ada.id, doc: doc([rule({ type: "forward", to })]), version: 0 });
    await expect(bad("299999999999")).rejects.toThrow(/No member has the number/);
    await expect(bad(ada.digits)).rejects.toThrow(/your own number/);
    const saved = await saveRules(client, { memberId: ada.id, doc: doc([]), version: 0 });
    expect(saved.version).toBe(1);
    // Another device saved in between: refused, not overwritten.
    await expect(saveRules(client, { memberId: ada.id, doc: doc([]), version: 0 })).rejects.toThrow(/another device/);
  });
});
