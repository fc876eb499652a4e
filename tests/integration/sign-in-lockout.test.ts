import { describe, expect, it } from "vitest";
import { api, newAddress, person, signIn } from "../support/http";

type Attempt = Awaited<ReturnType<typeof signIn>>;
/** next-auth puts the refusal into the error URL it answers with. */
const said = (a: Attempt) => decodeURIComponent(JSON.stringify(a.res.body));
const LOCKED = /Too many failed sign-ins/;

async function register() {
  const p = person();
  const r = await api<{ member: { id: string; number: string } }>("/api/register", { method: "POST", json: p });
  expect(r.status).toBe(201);
  return { ...p, id: r.body.member.id, number: r.body.member.number };
}

describe("sign-in lockout (a member's number is public: strangers must not be able to lock them out)", () => {
  it("locks the address that keeps failing, not the member: the victim still signs in from elsewhere", async () => {
    const victim = await register();
    const attacker = newAddress();
    for (let i = 0; i < 5; i++) expect((await signIn(victim.number, "wrong password!", attacker)).cookie).toBeNull();
    const stillLocked = await signIn(victim.number, victim.password, attacker);
    expect(stillLocked.cookie).toBeNull();
    expect(said(stillLocked)).toMatch(LOCKED);
    expect((await signIn(victim.number, victim.password, newAddress())).cookie).not.toBeNull();
  });

  it("does not tell which email and which number name the same account (each identifier has its own count)", async () => {
    const victim = await register();
    const attacker = newAddress();
    for (let i = 0; i < 5; i++) await signIn(victim.email, "wrong password!", attacker);
    expect(said(await signIn(victim.email, "wrong password!", attacker))).toMatch(LOCKED);
    // The same account by its number, from the same address: an ordinary refusal, not a lockout.
    const byNumber = await signIn(victim.number, "wrong password!", attacker);
    expect(byNumber.cookie).toBeNull();
    expect(said(byNumber)).not.toMatch(LOCKED);
    // An identifier that names nobody is locked exactly the same way.
    const ghost = `nobody-${Math.random().toString(36).slice(2)}@example.test`;
    for (let i = 0; i < 5; i++) await signIn(ghost, "wrong password!", attacker);
    expect(said(await signIn(ghost, "wrong password!", attacker))).toMatch(LOCKED);
  });

  it("locks an identifier failed from many addresses for unknown browsers, but the member's known browser gets in", async () => {
    const victim = await register();
    const other = await register();
    const known = await signIn(victim.number, victim.password);
    expect(known.cookie).not.toBeNull();
    expect(known.device).not.toBeNull();
    expect(known.deviceSetCookie).toMatch(/HttpOnly/i);
    expect(Number(/Max-Age=(\d+)/i.exec(known.deviceSetCookie!)?.[1])).toBeGreaterThanOrEqual(180 * 24 * 3600);
    const otherDevice = (await signIn(other.number, other.password)).device;
    expect(otherDevice).not.toBeNull();

    // SIGN_IN_ACCOUNT_FAILURES_BEFORE_LOCKOUT (50) guesses, each from a new address.
    for (let i = 0; i < 50; i++) await signIn(victim.number, "wrong password!", newAddress());
    const stranger = await signIn(victim.number, victim.password, newAddress());
    expect(stranger.cookie).toBeNull();
    expect(said(stranger)).toMatch(LOCKED);
    // A browser known for another account is a stranger here.
    expect(said(await signIn(victim.number, victim.password, newAddress(), otherDevice!))).toMatch(LOCKED);
    // A forged cookie naming the victim is a stranger too.
    const [name, value] = known.device!.split("=") as [string, string];
    const [memberId, device, issued, mac] = value.split(".") as [string, string, string, string];
    const forged = `${name}=${memberId}.${device}.${issued}.${mac[0] === "A" ? "B" : "A"}${mac.slice(1)}`;
    expect(said(await signIn(victim.number, victim.password, newAddress(), forged))).toMatch(LOCKED);

    const back = await signIn(victim.number, victim.password, newAddress(), known.device!);
    expect(back.cookie).not.toBeNull();
  });
});
