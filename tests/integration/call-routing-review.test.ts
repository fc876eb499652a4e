import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cancelCallback, listCallbacks, offerCallbacks, requestCallback } from "../../lib/calls/callbacks";
import { unseenMissedCount } from "../../lib/calls/history";
import { explainRoute } from "../../lib/calls/routing/explain-route";
import { acceptCall, declineCall, placeCall } from "../../lib/calls/service";
import { sweepRinging } from "../../lib/calls/sweep";
import { db, disconnectDb } from "../../lib/db/client";
import { openDirect } from "../../lib/messages/open-direct";
import { sendAwayReplies } from "../../lib/messages/away-reply";
import { sendMessage } from "../../lib/messages/send-message";
import { uuid7 } from "../../lib/messages/uuid7";
import { setVisibility } from "../../lib/presence/visibility-store";
import { useStackDatabase } from "../support/http";
import { createMember, recordingBus } from "../support/members";
import { type DeviceSpec, later, routedMember, rule, ruleDoc, setRules } from "../support/routing";

/** Regression specs for the independent review of call routing (issue 15): each was a finding, shown failing before its fix. */
beforeAll(() => useStackDatabase());
afterAll(() => disconnectDb());

const member = (name: string, devices?: DeviceSpec[]) => routedMember("rv", "27", name, devices);
const doc = ruleDoc;

describe("call routing: review findings stay fixed", () => {
  it("an accept read before the sweep forwards, and written after, is refused; the member forwarded to can answer", async () => {
    const { bus } = recordingBus();
    const real = await db();
    const [caller, ada, ben] = [await member("Caller"), await member("Ada"), await member("Ben", ["ben-phone"])];
    await setRules(ada.id, doc([rule({ type: "ring", devices: "all", seconds: 10, otherwise: { type: "forward", to: ben.digits } })]));
    const call = await placeCall({ db: real, bus }, { callerId: caller.id, calleeId: ada.id, kind: "voice" });

    // Ada presses Accept at the end of her ring; the sweeper forwards between transition()'s read and its write.
    let raced = false;
    const racing = new Proxy(real, {
      get(target, prop) {
        if (prop !== "call") return Reflect.get(target, prop);
        return new Proxy(target.call, {
          get(c, p) {
            if (p !== "findUnique") return Reflect.get(c, p);
            return async (args: unknown) => {
              const row = await (c.findUnique as (a: unknown) => Promise<unknown>)(args);
              if (!raced) {
                raced = true;
                await sweepRinging({ db: real, bus, now: later(10_200) }, { callIds: [call.id] });
              }
              return row;
            };
          },
        });
      },
    }) as typeof real;
    await expect(acceptCall({ db: racing, bus, now: later(10_100) }, call.id, ada.id, "d")).rejects.toThrow(/forwarded by your rules/);
    expect(raced).toBe(true);
    expect(await real.call.findUniqueOrThrow({ where: { id: call.id } })).toMatchObject({ status: "ringing", calleeId: ben.id });
    expect((await acceptCall({ db: real, bus }, call.id, ben.id, "ben-phone")).status).toBe("connected");
  });

  it("a decline racing the forward is refused, and the member forwarded to goes on ringing", async () => {
    const { bus, sent } = recordingBus();
    const real = await db();
    const [caller, ada, ben] = [await member("Caller"), await member("Ada"), await member("Ben")];
    await setRules(ada.id, doc([rule({ type: "ring", devices: "all", seconds: 10, otherwise: { type: "forward", to: ben.digits } })]));
    const call = await placeCall({ db: real, bus }, { callerId: caller.id, calleeId: ada.id, kind: "voice" });
    let raced = false;
    const racing = new Proxy(real, {
      get(target, prop) {
        if (prop !== "call") return Reflect.get(target, prop);
        return new Proxy(target.call, {
          get(c, p) {
            if (p !== "findUnique") return Reflect.get(c, p);
            return async (args: unknown) => {
              const row = await (c.findUnique as (a: unknown) => Promise<unknown>)(args);
              if (!raced) {
                raced = true;
                await sweepRinging({ db: real, bus, now: later(10_200) }, { callIds: [call.id] });
              }
              return row;
            };
          },
        });
      },
    }) as typeof real;
    await expect(declineCall({ db: racing, bus, now: later(10_100) }, call.id, ada.id)).rejects.toThrow(/forwarded by your rules/);
    expect(await real.call.findUniqueOrThrow({ where: { id: call.id } })).toMatchObject({ status: "ringing", calleeId: ben.id });
    expect(sent.some((e) => e.type === "call-ring" && e.memberId === ben.id)).toBe(true);
  });

  it("“what happens if” stops at the member forwarded to: their presence, rules and blocks are not shown", async () => {
    const client = await db();
    const [ada, ben] = [await member("Ada"), await member("Ben")];
    await client.block.create({ data: { blockerId: ben.id, blockedId: ada.id } });
    await setVisibility({ db: client, bus: recordingBus().bus }, ben.id, { audience: "nobody" });
    await setRules(ada.id, doc([rule({ type: "forward", to: ben.digits })]));
    const probe = async () =>
      (await explainRoute(client, { memberId: ada.id, caller: { type: "stranger", repeat: false }, at: new Date(), status: "online" }))
        .steps[1]!.result;
    expect(await probe()).toBe("their-rules");
    await client.member.update({ where: { id: ben.id }, data: { presenceSetting: "dnd" } });
    expect(await probe()).toBe("their-rules");
    await client.member.update({ where: { id: ben.id }, data: { presenceSetting: "online" } });
    const other = await member("Other");
    const busy = await client.call.create({
      data: { callerId: other.id, calleeId: ben.id, kind: "voice", status: "connected", ringUntil: new Date(), calleeSeen: true },
    });
    expect(await probe()).toBe("their-rules");
    await client.call.update({ where: { id: busy.id }, data: { status: "ended", outcome: "completed" } });
    await client.presenceConnection.deleteMany({ where: { memberId: ben.id } });
    expect(await probe()).toBe("their-rules");
  });

  it("“what happens if” with a contact calling does not tell whether the member forwarded to blocked that contact", async () => {
    const client = await db();
    const [ada, ben, cy] = [await member("Ada"), await member("Ben"), await member("Cy")];
    await client.contact.create({ data: { ownerId: ada.id, contactId: cy.id, inBook: true } });
    await client.block.create({ data: { blockerId: ben.id, blockedId: cy.id } });
    await setRules(ada.id, doc([rule({ type: "forward", to: ben.digits })]));
    const asStranger = await explainRoute(client, {
      memberId: ada.id,
      caller: { type: "stranger", repeat: false },
      at: new Date(),
      status: "online",
    });
    const asCy = await explainRoute(client, {
      memberId: ada.id,
      caller: { type: "contact", contactId: cy.id, repeat: false },
      at: new Date(),
      status: "online",
    });
    expect(asStranger.steps[1]!.result).toBe("their-rules");
    expect(asCy.steps[1]!.result).toBe("their-rules");
  });

  it("a caller the member hides from is not told, by event or by the list, that a callback was offered", async () => {
    const { bus, sent } = recordingBus();
    const deps = { db: await db(), bus };
    const bo = await createMember("rv", "Bo");
    const ada = await createMember("rv", "Ada");
    const call = await placeCall(deps, { callerId: bo, calleeId: ada, kind: "video" });
    const asked = await requestCallback(deps, { askerId: bo, callId: call.id });
    await setVisibility(deps, ada, { audience: "nobody" });
    expect(await offerCallbacks(deps, [{ memberId: ada, status: "online" }])).toBe(1);
    expect(sent.filter((e) => e.type === "callback-ready").map((e) => e.memberId)).toEqual([ada]);
    expect((await listCallbacks(deps.db, bo)).find((c) => c.id === asked.id)?.state).toBe("open");
    expect((await listCallbacks(deps.db, ada)).find((c) => c.id === asked.id)?.state).toBe("offered");
  });

  it("one unanswered call gives one request: asking again after withdrawing is refused", async () => {
    const { bus, sent } = recordingBus();
    const deps = { db: await db(), bus };
    const bo = await createMember("rv", "Bo");
    const ada = await createMember("rv", "Ada");
    const call = await placeCall(deps, { callerId: bo, calleeId: ada, kind: "video" });
    const r = await requestCallback(deps, { askerId: bo, callId: call.id });
    expect((await requestCallback(deps, { askerId: bo, callId: call.id })).id).toBe(r.id);
    await cancelCallback(deps, { memberId: bo, id: r.id });
    await expect(requestCallback(deps, { askerId: bo, callId: call.id })).rejects.toThrow(/already asked/);
    expect(sent.filter((e) => e.type === "callbacks" && e.memberId === ada).length).toBe(2);
    expect(await deps.db.availabilityWatch.count({ where: { askerId: bo, kind: "callback" } })).toBe(1);
    // A call more than a day old is no reason to knock either.
    const old = await placeCall(deps, { callerId: bo, calleeId: ada, kind: "video" });
    await deps.db.call.update({ where: { id: old.id }, data: { endedAt: new Date(Date.now() - 2 * 86_400_000) } });
    await expect(requestCallback(deps, { askerId: bo, callId: old.id })).rejects.toThrow(/more than a day old/);
  });

  it("the away auto-reply leaves what the away member was sent unread", async () => {
    const { bus } = recordingBus();
    const client = await db();
    const ada = await member("Ada");
    const ben = await member("Ben");
    await client.presenceConnection.updateMany({ where: { memberId: ada.id }, data: { idle: true } });
    await client.contact.create({ data: { ownerId: ada.id, contactId: ben.id, inBook: true } });
    await setRules(ada.id, doc([], { awayReply: "Back soon" }));
    const cid = (await openDirect({ db: client, memberId: ben.id, otherId: ada.id })).conversationId;
    await client.conversationMember.updateMany({ where: { conversationId: cid }, data: { state: "accepted" } });
    const m = await sendMessage({ db: client, senderId: ben.id, conversationId: cid, input: { clientId: uuid7(), body: "urgent!" } });
    const before = await client.conversationMember.findUniqueOrThrow({
      where: { conversationId_memberId: { conversationId: cid, memberId: ada.id } },
    });
    expect(before.readSeq).toBeLessThan(m.message.seq);
    expect(await sendAwayReplies({ db: client, bus }, m, ben.id)).toBe(1);
    const after = await client.conversationMember.findUniqueOrThrow({
      where: { conversationId_memberId: { conversationId: cid, memberId: ada.id } },
    });
    expect(after.readSeq).toBe(before.readSeq);
    expect(after.deliveredSeq).toBe(before.deliveredSeq);
  });

  it("a call still planned (forward after the ring) is not counted missed before the sweep forwards it", async () => {
    const { bus } = recordingBus();
    const client = await db();
    const [caller, ada, ben] = [await member("Caller"), await member("Ada"), await member("Ben")];
    await setRules(ada.id, doc([rule({ type: "ring", devices: "all", seconds: 5, otherwise: { type: "forward", to: ben.digits } })]));
    await placeCall({ db: client, bus }, { callerId: caller.id, calleeId: ada.id, kind: "voice" });
    expect(await unseenMissedCount(client, ada.id, new Date(Date.now() + 5_500))).toBe(0);
  });

  it("a forward to a member who blocked the caller stops with the member who forwarded, never naming the blocker", async () => {
    const { bus } = recordingBus();
    const client = await db();
    const [caller, ada, ben] = [await member("Caller"), await member("Ada"), await member("Ben")];
    await client.block.create({ data: { blockerId: ben.id, blockedId: caller.id } });
    await setRules(ada.id, doc([rule({ type: "forward", to: ben.digits })]));
    const call = await placeCall({ db: client, bus }, { callerId: caller.id, calleeId: ada.id, kind: "voice" });
    expect(call).toMatchObject({ status: "ended", outcome: "unavailable", calleeId: ada.id, meantForId: null });
    expect((await client.callLeg.findMany({ where: { callId: call.id } })).map((l) => [l.memberId, l.result])).toEqual([[ada.id, "loop"]]);
  });

  it("a member Ben blocked cannot send calls to Ben by forwarding to his number", async () => {
    const { bus, sent } = recordingBus();
    const client = await db();
    const [caller, ada, ben] = [await member("Caller"), await member("Ada"), await member("Ben")];
    await client.block.create({ data: { blockerId: ben.id, blockedId: ada.id } });
    await setRules(ada.id, doc([rule({ type: "forward", to: ben.digits })]));
    const call = await placeCall({ db: client, bus }, { callerId: caller.id, calleeId: ada.id, kind: "voice" });
    expect(call).toMatchObject({ status: "ended", outcome: "unavailable", calleeId: ada.id });
    expect(sent.filter((e) => e.type === "call-ring")).toHaveLength(0);
  });

  it("a planned call nobody sweeps lapses: an hour later the caller can call again and the callee is not busy", async () => {
    const { bus } = recordingBus();
    const client = await db();
    const [caller, ada, ben, cy] = [await member("Caller"), await member("Ada", ["a1", "a2"]), await member("Ben"), await member("Cy")];
    await setRules(ada.id, doc([rule({ type: "ring", devices: "sequence", seconds: 5, otherwise: { type: "mailbox" } })]));
    await placeCall({ db: client, bus }, { callerId: caller.id, calleeId: ada.id, kind: "voice" });
    const hourLater = later(3600_000);
    expect((await placeCall({ db: client, bus, now: hourLater }, { callerId: caller.id, calleeId: ben.id, kind: "voice" })).status).toBe(
      "ringing",
    );
    const toAda = await placeCall({ db: client, bus, now: hourLater }, { callerId: cy.id, calleeId: ada.id, kind: "voice" });
    expect(toAda.outcome).not.toBe("busy");
  });

  it("ringing in turn stops when the member turns invisible mid-sequence: the rule's otherwise applies", async () => {
    const { bus, sent } = recordingBus();
    const client = await db();
    const [caller, ada] = [await member("Caller"), await member("Ada", ["a1", "a2"])];
    await setRules(ada.id, doc([rule({ type: "ring", devices: "sequence", seconds: 5, otherwise: { type: "mailbox" } })]));
    const call = await placeCall({ db: client, bus }, { callerId: caller.id, calleeId: ada.id, kind: "voice" });
    await client.member.update({ where: { id: ada.id }, data: { presenceSetting: "invisible" } });
    expect(await sweepRinging({ db: client, bus, now: later(5_100) }, { callIds: [call.id] })).toBe(1);
    expect(sent.filter((e) => e.type === "call-ring" && e.memberId === ada.id)).toHaveLength(1);
    expect(await client.call.findUniqueOrThrow({ where: { id: call.id } })).toMatchObject({ status: "ended", outcome: "missed" });
  });
});
