import { describe, expect, it } from "vitest";
import { accept, type Call, decline, expire, hangUp, newCall, RING_MS, talkSeconds, timeOut } from "./state";

const t0 = new Date("2026-11-24T12:00:00Z");
const at = (ms: number) => new Date(t0.getTime() + ms);
const ringing = (): Call => newCall({ id: "c1", callerId: "a", calleeId: "b", kind: "video", now: t0, outcome: null });
const ok = (s: ReturnType<typeof accept>) => {
  if (!s.ok) throw new Error(s.message);
  return s.call;
};

describe("placing a call", () => {
  it("stores an immediate outcome as an ended call", () => {
    const c = newCall({ id: "c2", callerId: "a", calleeId: "b", kind: "voice", now: t0, outcome: "busy" });
    expect(c).toMatchObject({ status: "ended", outcome: "busy", endedAt: t0 });
    expect(ringing().ringUntil).toEqual(at(RING_MS));
  });
  it("rings for the deployment's ring time when one is given", () => {
    const c = newCall({ id: "c3", callerId: "a", calleeId: "b", kind: "video", now: t0, outcome: null, ringMs: 12_000 });
    expect(c.ringUntil).toEqual(at(12_000));
    expect(timeOut(c, at(12_000)).ok).toBe(true);
  });
  it("is not missed at its ring time while a routing plan says what comes next", () => {
    const c = newCall({ id: "c4", callerId: "a", calleeId: "b", kind: "video", now: t0, outcome: null, ringUntil: at(10_000), plan: "{}" });
    expect(expire(c, at(10_000)).status).toBe("ringing");
    expect(timeOut(c, at(10_000)).ok).toBe(false);
    expect(ok(accept(c, "b", "dev1", at(10_500))).status).toBe("connected");
  });
});

describe("answering", () => {
  it("connects on the callee's device and refuses the caller or a stranger", () => {
    const c = ok(accept(ringing(), "b", "dev1", at(5000)));
    expect(c).toMatchObject({ status: "connected", answeredDevice: "dev1", answeredAt: at(5000) });
    expect(accept(ringing(), "a", "dev1", at(1)).ok).toBe(false);
    expect(accept(ringing(), "z", "dev1", at(1))).toMatchObject({ ok: false, code: "not_callee" });
  });
  it("gives a second device that accepts at the same moment 'answered elsewhere', and the same device its call again", () => {
    const first = ok(accept(ringing(), "b", "dev1", at(1000)));
    expect(accept(first, "b", "dev2", at(1000))).toMatchObject({ ok: false, code: "answered_elsewhere" });
    expect(accept(first, "b", "dev1", at(1200))).toMatchObject({ ok: true, call: first });
    expect(decline(first, "b", at(1200))).toMatchObject({ ok: false, code: "answered_elsewhere" });
  });
  it("is too late after 30 seconds, exactly", () => {
    expect(accept(ringing(), "b", "dev1", at(RING_MS - 1)).ok).toBe(true);
    expect(accept(ringing(), "b", "dev1", at(RING_MS))).toMatchObject({ ok: false, code: "too_late" });
  });
  it("is refused once the caller has hung up (hang-up during accept)", () => {
    const canceled = ok(hangUp(ringing(), "a", at(2000)));
    expect(canceled.outcome).toBe("canceled");
    expect(accept(canceled, "b", "dev1", at(2001))).toMatchObject({ ok: false, code: "ended", message: "The caller hung up." });
  });
});

describe("ending", () => {
  it("declines, and a decline after the fact changes nothing", () => {
    const d = ok(decline(ringing(), "b", at(3000)));
    expect(d).toMatchObject({ status: "ended", outcome: "declined", endedBy: "b" });
    expect(decline(d, "b", at(3001)).ok).toBe(false);
    expect(decline(ringing(), "a", at(1)).ok).toBe(false);
  });
  it("times out as missed at the ring deadline, on the server's clock", () => {
    expect(timeOut(ringing(), at(RING_MS - 1)).ok).toBe(false);
    expect(ok(timeOut(ringing(), at(RING_MS + 5000)))).toMatchObject({ outcome: "missed", endedAt: at(RING_MS) });
    expect(expire(ringing(), at(RING_MS)).outcome).toBe("missed");
    const connected = ok(accept(ringing(), "b", "d", at(1000)));
    expect(timeOut(connected, at(RING_MS * 3)).ok).toBe(false);
  });
  it("hangs up: the callee while ringing declines, either party when connected completes, twice is harmless", () => {
    expect(ok(hangUp(ringing(), "b", at(1))).outcome).toBe("declined");
    const connected = ok(accept(ringing(), "b", "d", at(1000)));
    const done = ok(hangUp(connected, "a", at(61_000)));
    expect(done).toMatchObject({ outcome: "completed", endedBy: "a" });
    expect(talkSeconds(done)).toBe(60);
    expect(ok(hangUp(done, "b", at(62_000)))).toEqual(done);
    expect(hangUp(connected, "z", at(1))).toMatchObject({ ok: false, code: "not_party" });
  });
  it("a missed call has no talk time", () => {
    expect(talkSeconds(expire(ringing(), at(RING_MS)))).toBe(0);
  });
});
