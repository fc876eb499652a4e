import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { api } from "../support/http";

/** The ticket's subject (`guest:<public id>`): who the presence server and the mall take this browser for. */
async function guestTicket(cookie: string) {
  const r = await api<{ ticket: string }>("/api/presence/ticket", { method: "POST", headers: { cookie } });
  expect(r.status).toBe(200);
  const payload = JSON.parse(Buffer.from(r.body.ticket.split(".")[1]!, "base64url").toString()) as { sub: string };
  const set = (r.headers.getSetCookie?.() ?? []).find((c) => c.startsWith("portal_guest_secret="));
  return { subject: payload.sub, newCookie: set ? set.split(";")[0]! : null };
}

describe("the guest cookie", () => {
  it("ignores the old cookie name (values minted before guests had public ids): such a browser becomes a new guest", async () => {
    const old = `portal_guest=${randomBytes(16).toString("base64url")}`;
    const first = await guestTicket(old);
    const second = await guestTicket(old);
    expect(first.newCookie).not.toBeNull();
    expect(second.subject).not.toBe(first.subject);
    // The cookie it was given in its place is honoured.
    const again = await guestTicket(first.newCookie!);
    expect(again.subject).toBe(first.subject);
    expect(again.newCookie).toBeNull();
  });
});
