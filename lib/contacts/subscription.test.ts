import { describe, expect, it } from "vitest";
import { type ActionName, apply, expire, itemFor, NO_PAIR, type Pair, REQUEST_TTL_MS, type Side, sees } from "./subscription";

const T = 1_000_000;

/** Applies actions in order, failing the test on a refusal. */
function run(...steps: [Side, ActionName][]): Pair {
  let p = NO_PAIR;
  for (const [who, action] of steps) {
    const r = apply(p, who, action, T);
    if (!r.ok) throw new Error(`${who} ${action}: ${r.message}`);
    p = r.pair;
  }
  return p;
}

const items = (p: Pair) => ({ a: itemFor(p, "a"), b: itemFor(p, "b") });
const item = (subscription: string, pendingOut = false, pendingIn = false, approved = false) => ({
  subscription,
  pendingOut,
  pendingIn,
  approved,
});

describe("contact requests", () => {
  it("a request is pending out for the sender and in for the other, with the sender's approval in advance", () => {
    const p = run(["a", "request"]);
    expect(items(p)).toEqual({ a: item("none", true, false, true), b: item("none", false, true) });
    expect(sees(p, "a")).toBe(false);
    expect(sees(p, "b")).toBe(false);
  });

  it("accepting makes both see each other", () => {
    const p = run(["a", "request"], ["b", "accept"]);
    expect(items(p)).toEqual({ a: item("both"), b: item("both") });
    expect(sees(p, "a") && sees(p, "b")).toBe(true);
  });

  it("adding someone who already asked you completes it at once, from either side", () => {
    expect(items(run(["a", "request"], ["b", "request"]))).toEqual({ a: item("both"), b: item("both") });
    expect(items(run(["b", "request"], ["a", "request"]))).toEqual({ a: item("both"), b: item("both") });
  });

  it("a request sent twice stays one request", () => {
    const once = run(["a", "request"]);
    const twice = apply(once, "a", "request", T + 5);
    expect(twice).toMatchObject({ ok: true, changed: false, pair: once });
  });

  it("declining leaves nothing, not even the sender's approval in advance", () => {
    const p = run(["a", "request"], ["b", "decline"]);
    expect(p).toEqual(NO_PAIR);
    // Adding them back later is a fresh request, not an instant contact.
    expect(items(run(["a", "request"], ["b", "decline"], ["b", "request"]))).toEqual({
      a: item("none", false, true),
      b: item("none", true, false, true),
    });
  });

  it("withdrawing a request takes back the approval in advance that came with it", () => {
    const p = run(["a", "request"], ["a", "withdraw"]);
    expect(p).toEqual(NO_PAIR);
    // So the other's later request is a request, not a contact made behind the withdrawer's back.
    expect(items(run(["a", "request"], ["a", "withdraw"], ["b", "request"])).a).toEqual(item("none", false, true));
  });

  it("refuses to accept, decline or withdraw what is not pending", () => {
    expect(apply(NO_PAIR, "b", "accept", T)).toMatchObject({ ok: false, code: "no_request" });
    expect(apply(NO_PAIR, "b", "decline", T)).toMatchObject({ ok: false, code: "no_request" });
    expect(apply(NO_PAIR, "a", "withdraw", T)).toMatchObject({ ok: false, code: "not_pending" });
    // The sender cannot accept their own request.
    expect(apply(run(["a", "request"]), "a", "accept", T)).toMatchObject({ ok: false, code: "no_request" });
    expect(apply(run(["a", "request"], ["b", "accept"]), "a", "withdraw", T)).toMatchObject({ ok: false, code: "not_pending" });
  });

  it("removing a contact ends both directions and every approval in advance", () => {
    expect(run(["a", "request"], ["b", "accept"], ["a", "remove"])).toEqual(NO_PAIR);
    expect(run(["a", "request"], ["b", "accept"], ["b", "remove"])).toEqual(NO_PAIR);
    expect(run(["a", "preapprove"], ["a", "remove"])).toEqual(NO_PAIR);
    // Removing someone who asked drops their request too.
    expect(run(["a", "request"], ["b", "remove"])).toEqual(NO_PAIR);
  });
});

describe("approval in advance (RFC 6121 3.4)", () => {
  it("a member who pre-approves is seen as soon as the other asks", () => {
    const p = run(["b", "preapprove"]);
    expect(items(p)).toEqual({ a: item("none"), b: item("none", false, false, true) });
    const q = run(["b", "preapprove"], ["a", "request"]);
    // a sees b at once; a's request also approved b in advance, so b sees a once b asks.
    expect(items(q)).toEqual({ a: item("to", false, false, true), b: item("from") });
    expect(items(run(["b", "preapprove"], ["a", "request"], ["b", "request"]))).toEqual({ a: item("both"), b: item("both") });
  });

  it("pre-approving someone who already asked approves their request", () => {
    const p = run(["a", "request"], ["b", "preapprove"]);
    expect(items(p)).toEqual({ a: item("to", false, false, true), b: item("from") });
  });
});

describe("one-way states (RFC 6121 appendix A)", () => {
  // b pre-approved a, then a asked: a sees b ("to"), b does not see a yet ("from"), and a's request
  // approved b in advance.
  const oneWay = () => run(["b", "preapprove"], ["a", "request"]);

  it("the member not yet seeing asks back and both see each other", () => {
    const asked = apply(oneWay(), "b", "request", T);
    expect(asked.ok && items(asked.pair)).toEqual({ a: item("both"), b: item("both") });
  });

  it("removing from a one-way state leaves nothing, from either side", () => {
    expect(apply(oneWay(), "a", "remove", T)).toMatchObject({ ok: true, pair: NO_PAIR });
    expect(apply(oneWay(), "b", "remove", T)).toMatchObject({ ok: true, pair: NO_PAIR });
  });
});

describe("lapsed requests", () => {
  it("a request unanswered for REQUEST_TTL_MS lapses as if withdrawn; a younger one stays", () => {
    const p = apply(NO_PAIR, "a", "request", T);
    if (!p.ok) throw new Error("request refused");
    expect(expire(p.pair, T + REQUEST_TTL_MS - 1)).toEqual(p.pair);
    expect(expire(p.pair, T + REQUEST_TTL_MS)).toEqual(NO_PAIR);
  });

  it("contacts do not lapse", () => {
    const p = run(["a", "request"], ["b", "accept"]);
    expect(expire(p, T + 10 * REQUEST_TTL_MS)).toEqual(p);
  });
});
