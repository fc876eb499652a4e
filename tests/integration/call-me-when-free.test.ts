import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cancelCallback, listCallbacks, offerCallbacks, requestCallback } from "../../lib/calls/callbacks";
import { saveRules } from "../../lib/calls/routing/save-rules";
import { placeCall } from "../../lib/calls/service";
import { db, disconnectDb } from "../../lib/db/client";
import { setVisibility } from "../../lib/presence/visibility-store";
import { useStackDatabase } from "../support/http";
import { createMember, recordingBus } from "../support/members";

/** "Call me when free", against the stack's database; status changes are handed to offerCallbacks as a presence node would. */
beforeAll(() => useStackDatabase());
afterAll(() => disconnectDb());

async function offline(name: string) {
  return createMember("cb", name);
}

/** A call from `callerId` that ends unavailable (the callee has no device). */
async function unansweredCall(callerId: string, calleeId: string) {
  const deps = { db: await db(), bus: recordingBus().bus };
  const call = await placeCall(deps, { callerId, calleeId, kind: "video" });
  expect(call).toMatchObject({ status: "ended", outcome: "unavailable" });
  return call;
}

describe("call me when free", () => {
  it("is asked after an unanswered call, seen by both sides, and offered to both when the member is next online", async () => {
    const { bus, sent } = recordingBus();
    const deps = { db: await db(), bus };
    const [bo, ada] = [await offline("Bo"), await offline("Ada")];
    const call = await unansweredCall(bo, ada);

    const asked = await requestCallback(deps, { askerId: bo, callId: call.id });
    expect(asked).toMatchObject({ side: "asked", state: "open", other: { id: ada } });
    // Asking twice is the same request.
    expect((await requestCallback(deps, { askerId: bo, callId: call.id })).id).toBe(asked.id);
    expect(sent.filter((e) => e.type === "callbacks").map((e) => e.memberId)).toContain(ada);
    expect((await listCallbacks(deps.db, ada)).map((c) => [c.id, c.side, c.other.id])).toEqual([[asked.id, "asked-of", bo]]);

    // Away, busy or do-not-disturb is not free; online is, once.
    expect(await offerCallbacks(deps, [{ memberId: ada, status: "away" }])).toBe(0);
    expect(await offerCallbacks(deps, [{ memberId: ada, status: "dnd" }])).toBe(0);
    expect(await offerCallbacks(deps, [{ memberId: ada, status: "online" }])).toBe(1);
    expect(await offerCallbacks(deps, [{ memberId: ada, status: "online" }])).toBe(0);
    const offers = sent.filter((e) => e.type === "callback-ready");
    expect(offers.map((e) => [e.memberId, (e.data as { side: string }).side])).toEqual([
      [ada, "asked-of"],
      [bo, "asked"],
    ]);
    expect((await listCallbacks(deps.db, bo))[0]?.state).toBe("offered");
  });

  it("is refused on someone else's call or an answered one, and either side can withdraw it", async () => {
    const deps = { db: await db(), bus: recordingBus().bus };
    const [bo, ada, eve] = [await offline("Bo"), await offline("Ada"), await offline("Eve")];
    const call = await unansweredCall(bo, ada);
    await expect(requestCallback(deps, { askerId: eve, callId: call.id })).rejects.toThrow(/No such call/);
    await deps.db.call.update({ where: { id: call.id }, data: { outcome: "completed" } });
    await expect(requestCallback(deps, { askerId: bo, callId: call.id })).rejects.toThrow(/not answered/);

    const again = await unansweredCall(bo, ada);
    const asked = await requestCallback(deps, { askerId: bo, callId: again.id });
    await expect(cancelCallback(deps, { memberId: eve, id: asked.id })).rejects.toThrow(/No such request/);
    await cancelCallback(deps, { memberId: ada, id: asked.id });
    expect(await offerCallbacks(deps, [{ memberId: ada, status: "online" }])).toBe(0);
  });

  it("respects blocks and rules, and tells the caller only what they may see of the member's presence", async () => {
    const { bus, sent } = recordingBus();
    const deps = { db: await db(), bus };
    const [bo, ada, cy] = [await offline("Bo"), await offline("Ada"), await offline("Cy")];
    const fromBo = await requestCallback(deps, { askerId: bo, callId: (await unansweredCall(bo, ada)).id });
    const fromCy = await requestCallback(deps, { askerId: cy, callId: (await unansweredCall(cy, ada)).id });

    // Ada blocks Bo: his request disappears from her list and is never offered.
    await deps.db.block.create({ data: { blockerId: ada, blockedId: bo } });
    expect((await listCallbacks(deps.db, ada)).map((c) => c.id)).toEqual([fromCy.id]);
    // Ada's rules decline strangers now: Cy's waits.
    await saveRules(deps.db, {
      memberId: ada,
      version: 0,
      doc: {
        timeZone: "UTC",
        rules: [
          {
            id: "r1",
            name: "",
            enabled: true,
            when: { statuses: [], callers: [{ type: "strangers" }] },
            then: { type: "decline", text: "No" },
          },
        ],
        dnd: { favourites: false, repeatCallers: false },
        awayReply: "",
      },
    });
    expect(await offerCallbacks(deps, [{ memberId: ada, status: "online" }])).toBe(0);

    // Rules lifted, but Ada shows her presence to nobody: she is offered Cy's request, Cy is not told.
    await saveRules(deps.db, {
      memberId: ada,
      version: 1,
      doc: { timeZone: "UTC", rules: [], dnd: { favourites: false, repeatCallers: false }, awayReply: "" },
    });
    await setVisibility({ db: deps.db, bus }, ada, { audience: "nobody" });
    expect(await offerCallbacks(deps, [{ memberId: ada, status: "online" }])).toBe(1);
    const offers = sent.filter((e) => e.type === "callback-ready");
    expect(offers.map((e) => e.memberId)).toEqual([ada]);
    expect(offers[0]!.data).toMatchObject({ id: fromCy.id, side: "asked-of" });
    expect(fromBo.id).not.toBe(fromCy.id);
  });
});
