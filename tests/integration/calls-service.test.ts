import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { blockMember } from "../../lib/calls/blocks";
import { callHistory, markMissedSeen, unseenMissedCount } from "../../lib/calls/history";
import { acceptCall, hangUpCall, placeCall } from "../../lib/calls/service";
import { sweepRinging } from "../../lib/calls/sweep";
import { RING_MS } from "../../lib/calls/state";
import { db, disconnectDb } from "../../lib/db/client";
import { useStackDatabase } from "../support/http";
import { recordingBus } from "../support/members";

beforeAll(() => useStackDatabase());
afterAll(() => disconnectDb());

let n = 0;
async function member(online = true) {
  const client = await db();
  const id = `cs-${Date.now().toString(36)}-${n++}`;
  await client.member.create({
    data: {
      id,
      handle: id,
      handleKey: id,
      email: `${id}@calls.test`,
      emailKey: `${id}@calls.test`,
      passwordHash: "x",
      displayName: `Member ${id}`,
      birthDate: new Date("1990-01-01"),
      city: "Oslo",
    },
  });
  if (online) {
    await client.presenceConnection.create({
      data: {
        id: `c-${id}`,
        memberId: id,
        nodeId: "calls-test",
        deviceId: "d",
        address: "127.0.0.1",
        userAgent: "t",
        connectedAt: new Date(),
        lastSeenAt: new Date(Date.now() + 120_000),
      },
    });
  }
  return id;
}

describe("calls against the database", () => {
  it("rings the callee and lets exactly one of two devices that accept at once take the call", async () => {
    const { bus, sent } = recordingBus();
    const deps = { db: await db(), bus };
    const [a, b] = [await member(), await member()];
    const call = await placeCall(deps, { callerId: a, calleeId: b, kind: "video" });
    expect(call.status).toBe("ringing");
    expect(sent.find((e) => e.type === "call-ring")?.memberId).toBe(b);

    const results = await Promise.allSettled([acceptCall(deps, call.id, b, "dev1"), acceptCall(deps, call.id, b, "dev2")]);
    const won = results.filter((r) => r.status === "fulfilled");
    const lost = results.filter((r) => r.status === "rejected") as PromiseRejectedResult[];
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(String(lost[0]!.reason.message)).toMatch(/answered on another device/);
    const stored = await deps.db.call.findUniqueOrThrow({ where: { id: call.id } });
    expect(stored.status).toBe("connected");
    // Both parties heard about the connection.
    expect(
      sent
        .filter((e) => e.type === "call" && (e.data as { status: string }).status === "connected")
        .map((e) => e.memberId)
        .sort(),
    ).toEqual([a, b].sort());
  });

  it("settles a hang-up racing an accept on one consistent outcome", async () => {
    const deps = { db: await db(), bus: recordingBus().bus };
    for (let i = 0; i < 5; i++) {
      const [a, b] = [await member(), await member()];
      const call = await placeCall(deps, { callerId: a, calleeId: b, kind: "voice" });
      const [acc, hang] = await Promise.allSettled([acceptCall(deps, call.id, b, "dev"), hangUpCall(deps, call.id, a)]);
      const stored = await deps.db.call.findUniqueOrThrow({ where: { id: call.id } });
      expect(hang.status).toBe("fulfilled");
      expect(stored.status).toBe("ended");
      if (acc.status === "fulfilled") expect(stored.outcome).toBe("completed");
      else expect(stored.outcome).toBe("canceled");
    }
  });

  it("times out on the server's clock as missed, marked unseen for the callee", async () => {
    const deps = { db: await db(), bus: recordingBus().bus };
    const [a, b] = [await member(), await member()];
    const call = await placeCall(deps, { callerId: a, calleeId: b, kind: "video" });
    const mine = { callIds: [call.id] };
    expect(await sweepRinging({ ...deps, now: () => new Date(Date.now() + RING_MS - 1000) }, mine)).toBe(0);
    expect(await sweepRinging({ ...deps, now: () => new Date(Date.now() + RING_MS + 1000) }, mine)).toBe(1);
    const stored = await deps.db.call.findUniqueOrThrow({ where: { id: call.id } });
    expect(stored).toMatchObject({ status: "ended", outcome: "missed", calleeSeen: false });
  });

  it("shows a call past its ring time missed and new before the sweeper stores it; seen then stays seen", async () => {
    const deps = { db: await db(), bus: recordingBus().bus };
    const [a, b] = [await member(), await member()];
    const call = await placeCall(deps, { callerId: a, calleeId: b, kind: "voice" });
    const before = new Date(Date.now() + RING_MS - 1000);
    const after = new Date(Date.now() + RING_MS + 1000);
    // Still ringing: not missed, and marking missed calls seen leaves it alone.
    expect((await callHistory(deps.db, b, 50, before))[0]).toMatchObject({ id: call.id, status: "ringing", unseen: false });
    expect(await markMissedSeen(deps.db, b, before)).toBe(0);
    // Past its time, unswept: the history and the header count already call it missed and new.
    expect((await callHistory(deps.db, b, 50, after))[0]).toMatchObject({ id: call.id, outcome: "missed", unseen: true });
    expect(await unseenMissedCount(deps.db, b, after)).toBe(1);
    expect(await markMissedSeen(deps.db, b, after)).toBe(1);
    // The sweeper storing it afterwards does not make it new again.
    expect(await sweepRinging({ ...deps, now: () => after }, { callIds: [call.id] })).toBe(1);
    expect((await callHistory(deps.db, b, 50, after))[0]).toMatchObject({ id: call.id, outcome: "missed", unseen: false });
    expect(await unseenMissedCount(deps.db, b, after)).toBe(0);
  });

  it("ends at once as busy, unavailable (offline, do-not-disturb, blocked) without ringing", async () => {
    const { bus, sent } = recordingBus();
    const deps = { db: await db(), bus };
    const [a, b, c, off] = [await member(), await member(), await member(), await member(false)];
    const ab = await placeCall(deps, { callerId: a, calleeId: b, kind: "video" });
    await acceptCall(deps, ab.id, b, "dev");
    expect((await placeCall(deps, { callerId: c, calleeId: b, kind: "video" })).outcome).toBe("busy");
    expect((await placeCall(deps, { callerId: c, calleeId: off, kind: "video" })).outcome).toBe("unavailable");
    await hangUpCall(deps, ab.id, a);
    await blockMember(deps, b, c);
    const before = sent.filter((e) => e.type === "call-ring" && e.memberId === b).length;
    expect((await placeCall(deps, { callerId: c, calleeId: b, kind: "video" })).outcome).toBe("unavailable");
    expect(sent.filter((e) => e.type === "call-ring" && e.memberId === b).length).toBe(before);
    await deps.db.member.update({ where: { id: a }, data: { presenceSetting: "dnd" } });
    expect((await placeCall(deps, { callerId: c, calleeId: a, kind: "voice" })).outcome).toBe("unavailable");
    await expect(placeCall(deps, { callerId: a, calleeId: a, kind: "voice" })).rejects.toThrow(/yourself/);
  });

  it("holds one call at a time when several are placed at once: by one caller, or to one callee", async () => {
    const { bus, sent } = recordingBus();
    const deps = { db: await db(), bus };
    // One caller dials four members at the same moment: one rings, the others are refused.
    const caller = await member();
    const callees = [await member(), await member(), await member(), await member()];
    const results = await Promise.allSettled(callees.map((calleeId) => placeCall(deps, { callerId: caller, calleeId, kind: "video" })));
    const placed = results.filter((r): r is PromiseFulfilledResult<Awaited<ReturnType<typeof placeCall>>> => r.status === "fulfilled");
    expect(placed.map((r) => r.value.status)).toEqual(["ringing"]);
    for (const r of results.filter((r) => r.status === "rejected"))
      expect(String((r as PromiseRejectedResult).reason.message)).toMatch(/already in a call/);
    expect(await deps.db.call.count({ where: { callerId: caller, status: "ringing" } })).toBe(1);

    // Four members call one at the same moment: it rings once, the others hear busy.
    const callee = await member();
    const callers = [await member(), await member(), await member(), await member()];
    const calls = await Promise.all(callers.map((callerId) => placeCall(deps, { callerId, calleeId: callee, kind: "voice" })));
    expect(calls.filter((c) => c.status === "ringing")).toHaveLength(1);
    expect(calls.filter((c) => c.outcome === "busy")).toHaveLength(3);
    expect(sent.filter((e) => e.type === "call-ring" && e.memberId === callee)).toHaveLength(1);
  });
});
