import { describe, expect, it } from "vitest";
import { api, newAddress, person, signIn } from "../support/http";

describe("sign-in", () => {
  it("signs in with the number in any spacing, or the email, and not with a wrong password", async () => {
    const p = person();
    const reg = await api<{ member: { id: string; number: string } }>("/api/register", { method: "POST", json: p });
    const d = reg.body.member.number;
    for (const id of [
      d,
      `${d.slice(0, 4)} ${d.slice(4, 8)} ${d.slice(8)}`,
      `${d.slice(0, 4)}-${d.slice(4, 8)}-${d.slice(8)}`,
      p.email.toUpperCase(),
    ]) {
      const { cookie } = await signIn(id, p.password);
      expect(cookie, id).not.toBeNull();
      const session = await api<{ memberId?: string }>("/api/auth/session", { headers: { cookie: cookie! } });
      expect(session.body.memberId).toBe(reg.body.member.id);
    }
    expect((await signIn(d, "wrong password!")).cookie).toBeNull();
    expect((await signIn("nobody@example.test", p.password)).cookie).toBeNull();
  });

  it("refuses registration to someone already signed in", async () => {
    const p = person();
    await api("/api/register", { method: "POST", json: p });
    const { cookie } = await signIn(p.email, p.password);
    const again = await api<{ error: { code: string } }>("/api/register", { method: "POST", json: person(), headers: { cookie: cookie! } });
    expect(again.status).toBe(409);
  });

  it("limits sign-in attempts per address", async () => {
    const ip = newAddress();
    const outcomes = [];
    for (let i = 0; i < 22; i++) outcomes.push((await signIn("someone@example.test", "wrong password!", ip)).res);
    const last = outcomes[outcomes.length - 1]!;
    expect(decodeURIComponent(JSON.stringify(last.body))).toMatch(/Too many sign-in attempts; please wait \d+ s/);
  });
});
